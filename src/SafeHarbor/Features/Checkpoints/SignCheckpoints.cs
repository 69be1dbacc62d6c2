using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Checkpoints;

/// <summary>
/// Signs each bureau's chain head into the checkpoint folder when it is due: the head moved past the bureau's latest
/// checkpoint, and <see cref="AuditOptions.CheckpointEveryEntries"/> entries were added or
/// <see cref="AuditOptions.CheckpointMinutes"/> passed since that checkpoint (or <c>force</c>: the
/// <c>audit checkpoint</c> command). A head is signed only when the entries since the latest checkpoint link to it
/// and to the head: a chain rewritten in the database is never blessed by a new signature.
/// </summary>
public static class SignCheckpoints
{
    public sealed record Signed(string BureauCode, Checkpoint Checkpoint, bool Written);

    public sealed record Refused(string BureauCode, string Reason);

    public sealed record Outcome(IReadOnlyList<Signed> Signed, IReadOnlyList<Refused> Refused);

    public static async Task<Outcome> RunAsync(SafeHarborDb db, AuditSigningKey key, CheckpointStore store, AuditOptions options, DateTimeOffset now, bool force, CancellationToken ct)
    {
        var heads = await db.AuditHeads.IgnoreQueryFilters().AsNoTracking()
            .Join(db.Bureaus.AsNoTracking(), h => h.BureauId, b => b.Id, (h, b) => new { b.Code, h.BureauId, h.LastSequence, h.LastHash })
            .OrderBy(h => h.Code).ToListAsync(ct);
        var signed = new List<Signed>();
        var refused = new List<Refused>();
        foreach (var head in heads)
        {
            var latest = store.Latest(head.Code);
            var since = head.LastSequence - (latest?.Sequence ?? 0);
            var due = since > 0 && (force || latest is null || since >= options.CheckpointEveryEntries
                || now - latest.SignedAt >= TimeSpan.FromMinutes(options.CheckpointMinutes));
            if (!due)
            {
                continue;
            }
            var verifier = latest is null ? new AuditChainVerifier() : new AuditChainVerifier(latest.Sequence, latest.Hash);
            var segment = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.BureauId == head.BureauId && e.Sequence > (latest == null ? 0 : latest.Sequence)).OrderBy(e => e.Sequence);
            await foreach (var entry in segment.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!verifier.Accept(entry))
                {
                    break;
                }
            }
            var check = verifier.Finish(new AuditHead { BureauId = head.BureauId, LastSequence = head.LastSequence, LastHash = head.LastHash });
            if (!check.IsIntact)
            {
                refused.Add(new(head.Code, $"局 {head.Code} 的审计日志自上一个检查点（第 {latest?.Sequence ?? 0} 条）以来不完整，未签名：{check.Message}"));
                continue;
            }
            var checkpoint = Checkpoint.Sign(key.Signer, head.Code, head.BureauId, head.LastSequence, head.LastHash, now);
            signed.Add(new(head.Code, checkpoint, store.Write(checkpoint)));
        }
        return new(signed, refused);
    }
}
