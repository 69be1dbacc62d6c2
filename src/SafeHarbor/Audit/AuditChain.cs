namespace SafeHarbor.Audit;

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string Message);

/// <summary>Walks the chain in sequence order and names the first entry that does not fit.</summary>
public sealed class AuditChainVerifier
{
    private long expectedSequence;
    private string previousHash;
    private AuditVerification? failure;

    /// <summary>A verifier of a whole chain, from its first entry.</summary>
    public AuditChainVerifier()
        : this(0, AuditEntry.GenesisHash)
    {
    }

    /// <summary>A verifier of the part of a chain after entry <paramref name="afterSequence"/>, whose hash is known to be <paramref name="afterHash"/>.</summary>
    public AuditChainVerifier(long afterSequence, string afterHash)
    {
        expectedSequence = afterSequence + 1;
        previousHash = afterHash;
    }

    public long Checked { get; private set; }

    /// <summary>Feeds the next entry; returns false once the chain is broken.</summary>
    public bool Accept(AuditEntry entry)
    {
        if (failure is not null)
        {
            return false;
        }
        if (entry.Sequence != expectedSequence)
        {
            return Fail(entry.Sequence < expectedSequence ? entry.Sequence : expectedSequence,
                entry.Sequence > expectedSequence
                    ? $"第 {expectedSequence} 条记录缺失（下一条是第 {entry.Sequence} 条）：记录被删除或序号被改动。"
                    : $"第 {entry.Sequence} 条记录出现在第 {expectedSequence} 条的位置：记录被插入或序号被改动。");
        }
        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return Fail(entry.Sequence,
                $"第 {entry.Sequence} 条记录（{entry.OccurredAt:yyyy-MM-dd HH:mm:ss}，{entry.Action}）与前一条记录衔接不上：前一条被修改、删除、插入或调换了顺序。");
        }
        if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
        {
            return Fail(entry.Sequence,
                $"第 {entry.Sequence} 条记录（{entry.OccurredAt:yyyy-MM-dd HH:mm:ss}，{entry.Action}）的内容与其 SM3 哈希不符：内容被修改。");
        }
        previousHash = entry.Hash;
        expectedSequence++;
        Checked++;
        return true;
    }

    public AuditVerification Finish(AuditHead? head)
    {
        if (failure is not null)
        {
            return failure;
        }
        var last = expectedSequence - 1;
        var headSequence = head?.LastSequence ?? 0;
        var headHash = head?.LastHash ?? AuditEntry.GenesisHash;
        if (headSequence != last || !string.Equals(headHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditVerification(false, Checked, Math.Min(headSequence, last) + 1,
                $"审计日志末尾与登记的链尾（第 {headSequence} 条）不一致：末尾记录被删除或被追加。");
        }
        return new AuditVerification(true, Checked, null, $"审计日志完整：共 {Checked} 条记录，哈希链校验通过。");
    }

    private bool Fail(long sequence, string message)
    {
        failure = new AuditVerification(false, Checked, sequence, message);
        return false;
    }
}
