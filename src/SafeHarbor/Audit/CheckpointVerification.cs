using Microsoft.EntityFrameworkCore;

namespace SafeHarbor.Audit;

/// <summary>What comparing a bureau's chain with its signed checkpoints found; <see cref="Problems"/> are Chinese sentences.</summary>
public sealed record CheckpointVerification(int CheckpointsChecked, Checkpoint? Latest, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;

    public string Summary => IsIntact
        ? Latest is { } latest
            ? $"与 {CheckpointsChecked} 个签名检查点一致（最新为第 {latest.Sequence} 条，签于 {latest.SignedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}）。"
            : "没有签名检查点，只能校验哈希链本身。"
        : string.Join("", Problems);
}

/// <summary>
/// Checks a chain against checkpoints signed outside the database: each checkpoint's signature (by the given public
/// key), that the chain's entry at the checkpoint's sequence has exactly the signed hash — the links of the chain then
/// prove that no entry before it was changed, removed or inserted — and that the chain does not end before the latest
/// checkpoint (not cut off). The chain's own links are checked by <see cref="AuditLog.VerifyAsync"/>.
/// </summary>
public static class CheckpointVerifier
{
    public static async Task<CheckpointVerification> VerifyAsync(
        DbContext db, Guid bureauId, string bureauCode, IReadOnlyList<CheckpointFile> files, string publicKeyHex, CancellationToken ct)
    {
        var problems = new List<string>();
        var valid = new List<Checkpoint>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Path);
            if (file.Checkpoint is not { } checkpoint)
            {
                problems.Add($"检查点文件 {name} {file.Problem}。");
            }
            else if (checkpoint.BureauId != bureauId || checkpoint.BureauCode != bureauCode || Path.GetFileNameWithoutExtension(file.Path) != checkpoint.Sequence.ToString())
            {
                problems.Add($"检查点文件 {name} 写的是局 {checkpoint.BureauCode} 的第 {checkpoint.Sequence} 条，与所在位置不符：文件被移动或改动。");
            }
            else if (!checkpoint.IsSignedBy(publicKeyHex))
            {
                problems.Add($"第 {checkpoint.Sequence} 条的检查点（{name}）签名无效：文件被改动，或不是用该公钥签名的（检查点所称密钥指纹 {checkpoint.KeyFingerprint}）。");
            }
            else
            {
                valid.Add(checkpoint);
            }
        }

        var entries = db.Set<AuditEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.BureauId == bureauId);
        var end = await entries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var sequences = valid.Select(c => c.Sequence).Distinct().ToList();
        var hashes = await entries.Where(e => sequences.Contains(e.Sequence)).Select(e => new { e.Sequence, e.Hash }).ToDictionaryAsync(e => e.Sequence, e => e.Hash, ct);
        var previous = 0L;
        var mismatched = 0;
        foreach (var checkpoint in valid.OrderBy(c => c.Sequence))
        {
            var signedAt = $"签于 {checkpoint.SignedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}";
            if (checkpoint.Sequence > end)
            {
                problems.Add($"审计日志只到第 {end} 条，而签名检查点证明第 {checkpoint.Sequence} 条已存在（{signedAt}）：末尾记录被截断（链尾被改回）。");
                break;
            }
            if (!hashes.TryGetValue(checkpoint.Sequence, out var hash))
            {
                problems.Add($"第 {checkpoint.Sequence} 条记录缺失，而签名检查点证明它存在过（{signedAt}）：记录被删除。");
                break;
            }
            if (hash != checkpoint.Hash)
            {
                if (mismatched++ == 0)
                {
                    problems.Add($"第 {checkpoint.Sequence} 条记录的哈希与签名检查点不符（{signedAt}）：第 {previous + 1} 至第 {checkpoint.Sequence} 条之间有记录被修改、删除或插入，其后的链被重新计算过。");
                }
                continue;
            }
            previous = checkpoint.Sequence;
        }
        if (mismatched > 1)
        {
            problems.Add($"此后还有 {mismatched - 1} 个检查点与链不符。");
        }
        return new(valid.Count, valid.MaxBy(c => c.Sequence), problems);
    }
}
