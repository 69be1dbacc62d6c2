using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace SafeHarbor.Audit;

/// <summary>Appends entries to the chain inside the caller's transaction.</summary>
[Article("6")]
public static class AuditLog
{
    public static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public sealed record NewEntry(
        Guid? ActorUserId,
        string ActorName,
        string ActingAs,
        string Action,
        string EntityType,
        string EntityId,
        Guid? CaseId,
        object? Details);

    /// <summary>Adds the entries to the context, chained after the current head. The caller saves and commits.</summary>
    public static async Task AppendAsync(DbContext db, IReadOnlyList<NewEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var head = await db.Set<AuditHead>().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null)
        {
            head = new AuditHead { Id = 1, LastSequence = 0, LastHash = AuditEntry.GenesisHash };
            db.Set<AuditHead>().Add(head);
        }
        // Millisecond precision: both providers store it exactly, so the hash can be recomputed.
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        foreach (var e in entries)
        {
            var entry = new AuditEntry
            {
                Sequence = head.LastSequence + 1,
                OccurredAt = at,
                ActorUserId = e.ActorUserId,
                ActorName = e.ActorName,
                ActingAs = e.ActingAs,
                Action = e.Action,
                EntityType = e.EntityType,
                EntityId = e.EntityId,
                CaseId = e.CaseId,
                Details = JsonSerializer.Serialize(e.Details ?? new { }, DetailsJson),
                PreviousHash = head.LastHash,
                Hash = "",
            };
            entry.Hash = entry.ComputeHash();
            db.Set<AuditEntry>().Add(entry);
            head.LastSequence = entry.Sequence;
            head.LastHash = entry.Hash;
        }
    }

    /// <summary>Checks the whole chain, streaming it in sequence order.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }
        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        return verifier.Finish(head);
    }
}
