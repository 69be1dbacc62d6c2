using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.AuditTrail;

/// <summary>
/// The audit administrator's search of the bureau's chain (安全审计), newest first. 三员分立: the audit administrator
/// reads no case contents, so an entry of a case shows the step's name and the case number only, and its details are
/// neither shown nor searched (free text over them would answer questions about a case's contents). Security events
/// and changes to accounts, roles, units, people and the bureau show their details: who, what, from which address.
/// </summary>
public static class SearchAuditTrail
{
    /// <summary>Which entries: security events, account and organisation changes, or every entry.</summary>
    public enum Kind
    {
        All,
        Security,
        Accounts,
    }

    /// <summary>Entity types of the changes to accounts, roles, units, people and the bureau.</summary>
    public static readonly string[] AccountEntityTypes = ["User", "Person", "Unit", "Bureau"];

    public sealed record Query(Kind Kind, string? User, string? Address, DateOnly? From, DateOnly? To, string? Text, int Page = 1, int PageSize = 50);

    public sealed record Row(long Sequence, DateTimeOffset At, string KindName, string What, string ActorName, string ActingAs, string Subject, string? CaseNumber, string? Address, string? Details);

    public sealed record Result(IReadOnlyList<Row> Items, int Total, int Page, int PageSize);

    public static string Chinese(this Kind kind) => kind switch
    {
        Kind.Security => "安全事件",
        Kind.Accounts => "账号、角色与组织机构",
        _ => "全部",
    };

    public static async Task<Result> HandleAsync(SafeHarborDb db, Query q, CancellationToken ct)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, 10_000);
        var entries = Filter(db, q);
        var total = await entries.CountAsync(ct);
        var page = Math.Max(1, q.Page);
        var found = await entries.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new
            {
                e.Sequence, e.OccurredAt, e.ActorName, e.ActingAs, e.Action, e.EntityType, e.EntityId, e.Details,
                CaseNumber = db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault(),
                OfCase = e.CaseId != null,
            })
            .ToListAsync(ct);
        var rows = found.Select(e =>
        {
            var open = !e.OfCase && (e.EntityType == SecurityEventKinds.EntityType || AccountEntityTypes.Contains(e.EntityType));
            var (address, details) = open ? Open(e.Details) : (null, null);
            return new Row(e.Sequence, e.OccurredAt, KindName(e.EntityType, e.OfCase), AuditEntry.Describe(e.Action, e.Details), e.ActorName, e.ActingAs,
                open ? e.EntityId : "", e.CaseNumber, address, details);
        }).ToList();
        return new Result(rows, total, page, pageSize);
    }

    private static IQueryable<AuditEntry> Filter(SafeHarborDb db, Query q)
    {
        var entries = db.AuditEntries.AsNoTracking();
        entries = q.Kind switch
        {
            Kind.Security => entries.Where(e => e.EntityType == SecurityEventKinds.EntityType),
            Kind.Accounts => entries.Where(e => AccountEntityTypes.Contains(e.EntityType)),
            _ => entries,
        };
        if (Trimmed(q.User) is { } user)
        {
            entries = entries.Where(e => e.ActorName.Contains(user) || (e.EntityType == SecurityEventKinds.EntityType && e.EntityId.Contains(user)));
        }
        if (Trimmed(q.Address) is { } address)
        {
            var marker = $"\"address\":\"{address}";
            entries = entries.Where(e => e.EntityType == SecurityEventKinds.EntityType && e.Details.Contains(marker));
        }
        // Dates are China dates: a day runs from midnight to midnight UTC+8 (given to the database in UTC, as Npgsql requires).
        if (q.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (q.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt < end);
        }
        if (Trimmed(q.Text) is { } text)
        {
            entries = entries.Where(e => e.Action.Contains(text) || e.ActorName.Contains(text)
                || (e.CaseId == null && (e.EntityType == SecurityEventKinds.EntityType || AccountEntityTypes.Contains(e.EntityType))
                    && (e.EntityId.Contains(text) || e.Details.Contains(text)))
                || db.Cases.Any(c => c.Id == e.CaseId && c.Number.Contains(text)));
        }
        return entries;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string KindName(string entityType, bool ofCase) =>
        entityType == SecurityEventKinds.EntityType ? Kind.Security.Chinese()
        : AccountEntityTypes.Contains(entityType) ? Kind.Accounts.Chinese()
        : ofCase ? "案件办理"
        : "其他";

    /// <summary>The address of a security event, and the rest of the details as "name：value" pairs (the step is already the entry's name).</summary>
    private static (string? Address, string? Details) Open(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }
            var address = document.RootElement.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var parts = new List<string>();
            Flatten(document.RootElement, "", parts);
            return (string.IsNullOrEmpty(address) ? null : address, parts.Count == 0 ? null : string.Join("；", parts));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static void Flatten(JsonElement element, string prefix, List<string> parts)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (prefix.Length == 0 && property.Name is "step" or "address")
            {
                continue;
            }
            var name = property.Name is "details" && prefix.Length == 0 ? "" : prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name.Length == 0 ? "" : name + ".", parts);
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    break;
                case JsonValueKind.Array:
                    parts.Add($"{name}：{string.Join("、", property.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText()))}");
                    break;
                default:
                    parts.Add($"{name}：{(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText())}");
                    break;
            }
        }
    }

    /// <summary>The search as a workbook: a title row (the bureau, the filters, when), the header, one row per entry with real date-time cells.</summary>
    public static byte[] Workbook(Result result, string title)
    {
        string[] headers = ["序号", "时间", "类别", "事项", "操作人", "身份", "对象", "案件编号", "地址", "详情"];
        var columns = headers.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();
        var rows = new List<Dictionary<string, object?>>
        {
            columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (object?)(x.i == 0 ? title : null)),
            columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (object?)headers[x.i]),
        };
        rows.AddRange(result.Items.Select(r => new Dictionary<string, object?>
        {
            ["A"] = r.Sequence,
            ["B"] = r.At.ToOffset(TimeSpan.FromHours(8)).DateTime,
            ["C"] = r.KindName,
            ["D"] = r.What,
            ["E"] = r.ActorName,
            ["F"] = r.ActingAs,
            ["G"] = r.Subject,
            ["H"] = r.CaseNumber,
            ["I"] = r.Address,
            ["J"] = r.Details,
        }));
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, printHeader: false, sheetName: "安全审计");
        return stream.ToArray();
    }

    /// <summary>The date of an entry as users read it (China time).</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss");
}
