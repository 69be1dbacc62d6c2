using System.Globalization;
using SafeHarbor.Crypto;
using SafeHarbor.Organisation;

namespace SafeHarbor.Audit;

/// <summary>
/// One entry of the append-only audit log. Each entry's hash covers its content and the previous
/// entry's hash, so editing, deleting, inserting or reordering entries breaks the chain.
/// </summary>
public sealed class AuditEntry : IBureauOwned
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Whose chain the entry is in; each bureau's chain counts its own <see cref="Sequence"/> from 1.</summary>
    public Guid BureauId { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string ActingAs { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public Guid? CaseId { get; set; }
    public required string Details { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    /// <summary>The exact text that is hashed: every field but the hash itself, one per line.</summary>
    public string CanonicalContent() => string.Join('\n',
        Sequence.ToString(CultureInfo.InvariantCulture),
        OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ActorUserId?.ToString() ?? "",
        Escape(ActorName),
        Escape(ActingAs),
        Escape(Action),
        Escape(EntityType),
        Escape(EntityId),
        CaseId?.ToString() ?? "",
        Escape(Details),
        PreviousHash);

    public string ComputeHash() => Sm3.HashHex(CanonicalContent());

    /// <summary>
    /// What happened, in Chinese: a case step's name, or the <c>step</c> a feature wrote into the
    /// details of its own entries, or else the action code.
    /// </summary>
    public static string Describe(string action, string details)
    {
        if (Enum.TryParse<Cases.CaseAction>(action, out var step))
        {
            return Cases.CaseNames.Chinese(step);
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(details);
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("step", out var named) && named.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return named.GetString()!;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: fall back to the code.
        }
        return action switch
        {
            "CreateResultRecords" => "生成结果运用记录",
            "IssueDocumentNumber" => "出具公文",
            "RecordHeartTalk" => "登记谈心谈话",
            "CorrectHeartTalk" => "修改谈心谈话记录",
            "WithdrawHeartTalk" => "撤销谈心谈话记录",
            "RecordCommendation" => "登记表彰奖励",
            "CorrectCommendation" => "修改表彰奖励记录",
            "WithdrawCommendation" => "撤销表彰奖励记录",
            "RecordSupportMeasure" => "登记支持保障措施",
            "CorrectSupportMeasure" => "修改支持保障措施记录",
            "WithdrawSupportMeasure" => "撤销支持保障措施记录",
            _ => action,
        };
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>
/// The last entry of a bureau's chain, kept in the same transaction, so deleting entries at the end is
/// detected too. Its row is the lock a command of that bureau takes before it writes.
/// </summary>
public sealed class AuditHead : IBureauOwned
{
    public Guid BureauId { get; set; }
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}
