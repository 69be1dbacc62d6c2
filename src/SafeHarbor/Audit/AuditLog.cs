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

    /// <summary>
    /// Adds the entries to the context, chained after <paramref name="head"/> (the bureau's head row, which the
    /// caller has locked for this transaction). The caller saves and commits.
    /// </summary>
    public static void Append(DbContext db, AuditHead head, IReadOnlyList<NewEntry> entries, DateTimeOffset now)
    {
        // Millisecond precision: both providers store it exactly, so the hash can be recomputed.
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        foreach (var e in entries)
        {
            var entry = new AuditEntry
            {
                BureauId = head.BureauId,
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

    /// <summary>Checks one bureau's chain, streaming it in sequence order.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, Guid bureauId, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        var chain = db.Set<AuditEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.BureauId == bureauId).OrderBy(e => e.Sequence);
        await foreach (var entry in chain.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }
        var head = await db.Set<AuditHead>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(h => h.BureauId == bureauId, ct);
        return verifier.Finish(head);
    }
}
