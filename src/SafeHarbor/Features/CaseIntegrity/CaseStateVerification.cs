using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseIntegrity;

/// <summary>One field of a case whose row says something its audit-chain entries do not.</summary>
public sealed record CaseStateMismatch(string CaseNumber, string Field, string Message);

/// <summary>
/// The state of a case proved from the chain: each step entry carries where the case went (<c>from</c>, <c>to</c>) and
/// what changed, so the status, the outcome and reasons of the decision, the archive number and filing, and the result
/// records made on the decision are recomputed from the case's entries and compared with the rows. Rows edited, deleted
/// or inserted in the case tables then name the case and the field. Entries written before the outcome code, the list
/// of records and the manifest hash were added to the details are compared on what they carry (the outcome's name in
/// the case's policy, subjects × uses, each filed file's SM3).
/// </summary>
public static class CaseStateVerification
{
    private sealed record Step(long Sequence, string Action, string? From, string? To, JsonElement Changes);

    private sealed record CaseTrail(string Number, List<Step> Steps, JsonElement? ResultRecords);

    /// <summary>Every case of the bureau, and every case the bureau's chain speaks of.</summary>
    public static async Task<IReadOnlyList<CaseStateMismatch>> VerifyBureauAsync(SafeHarborDb db, Guid bureauId, PolicyCatalog policies, CancellationToken ct)
    {
        var trails = await TrailsAsync(db, bureauId, null, ct);
        var cases = await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => c.BureauId == bureauId).OrderBy(c => c.Number).ToListAsync(ct);
        var mismatches = new List<CaseStateMismatch>();
        foreach (var c in cases)
        {
            mismatches.AddRange(await CompareAsync(db, c, trails.GetValueOrDefault(c.Id), policies, ct));
        }
        var known = cases.Select(c => c.Id).ToHashSet();
        foreach (var (_, trail) in trails.Where(t => !known.Contains(t.Key)).OrderBy(t => t.Value.Number, StringComparer.Ordinal))
        {
            mismatches.Add(new(trail.Number, "案件", $"案件 {trail.Number} 在审计日志中有 {trail.Steps.Count} 个办理步骤，但案件表中没有这件案件：案件被删除。"));
        }
        return mismatches;
    }

    /// <summary>One case (the archive export asks before it packages a case).</summary>
    public static async Task<IReadOnlyList<CaseStateMismatch>> VerifyCaseAsync(SafeHarborDb db, Case c, PolicyCatalog policies, CancellationToken ct)
    {
        var trails = await TrailsAsync(db, c.BureauId, c.Id, ct);
        return await CompareAsync(db, c, trails.GetValueOrDefault(c.Id), policies, ct);
    }

    private static async Task<Dictionary<Guid, CaseTrail>> TrailsAsync(SafeHarborDb db, Guid bureauId, Guid? caseId, CancellationToken ct)
    {
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.BureauId == bureauId && e.CaseId != null && (caseId == null || e.CaseId == caseId))
            .Where(e => e.EntityType == "Case" || e.Action == "CreateResultRecords")
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.CaseId, e.EntityType, e.EntityId, e.Action, e.Details });
        var trails = new Dictionary<Guid, CaseTrail>();
        await foreach (var e in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!trails.TryGetValue(e.CaseId!.Value, out var trail))
            {
                trails[e.CaseId.Value] = trail = new CaseTrail(e.EntityId, [], null);
            }
            JsonElement details;
            try
            {
                details = JsonDocument.Parse(e.Details).RootElement.Clone();
            }
            catch (JsonException)
            {
                details = default;
            }
            if (e.EntityType != "Case")
            {
                trails[e.CaseId.Value] = trail with { ResultRecords = details };
                continue;
            }
            trail.Steps.Add(new(e.Sequence, e.Action, Text(details, "from"), Text(details, "to"),
                details.ValueKind == JsonValueKind.Object && details.TryGetProperty("changes", out var changes) ? changes : default));
        }
        return trails;
    }

    private static async Task<IReadOnlyList<CaseStateMismatch>> CompareAsync(SafeHarborDb db, Case c, CaseTrail? trail, PolicyCatalog policies, CancellationToken ct)
    {
        var found = new List<CaseStateMismatch>();
        void Differs(string field, string? row, string? chain) =>
            found.Add(new(c.Number, field, $"案件 {c.Number} 的{field}与审计日志不符：表中为“{row ?? "（无）"}”，审计日志为“{chain ?? "（无）"}”。"));

        if (trail is null || trail.Steps.Count == 0)
        {
            found.Add(new(c.Number, "案件", $"案件 {c.Number} 在审计日志中没有任何办理步骤：案件行是在程序之外写入的。"));
            return found;
        }

        // Status: where the last step left the case, each step starting where the one before ended.
        string? previous = null;
        foreach (var step in trail.Steps)
        {
            if (step.To is null)
            {
                found.Add(new(c.Number, "状态", $"案件 {c.Number} 的第 {step.Sequence} 条审计记录（{step.Action}）没有写明办理后的状态：记录内容不完整或被改动。"));
                return found;
            }
            if (previous is not null && step.From != previous)
            {
                found.Add(new(c.Number, "状态", $"案件 {c.Number} 的第 {step.Sequence} 条审计记录（{step.Action}）从“{Status(step.From)}”办理，而前一步已到“{Status(previous)}”：办理步骤衔接不上，记录被伪造或删除。"));
            }
            else if (!FollowsWorkflow(step))
            {
                found.Add(new(c.Number, "状态", $"案件 {c.Number} 的第 {step.Sequence} 条审计记录（{step.Action}，“{Status(step.From)}”→“{Status(step.To)}”）不是办理流程允许的步骤：记录被伪造。"));
            }
            previous = step.To;
        }
        if (c.Status.ToString() != previous)
        {
            Differs("状态", c.Status.Chinese(), Status(previous));
        }

        // The decision: outcome (by code, or by the policy's name for it in older entries), reasons, mitigation.
        var policy = policies.All.FirstOrDefault(p => p.Id == c.PolicyId);
        var decide = trail.Steps.LastOrDefault(s => s.Action == nameof(CaseAction.Decide));
        if (decide is null != c.Decision is null)
        {
            Differs("认定结果", c.Decision is { } d ? OutcomeName(policy, d.Outcome) : null, decide is null ? null : Text(decide.Changes, "outcome"));
        }
        else if (decide is not null && c.Decision is { } decision)
        {
            var chainOutcome = Text(decide.Changes, "outcomeCode") is { } code
                ? code == decision.Outcome.ToString()
                : Text(decide.Changes, "outcome") == OutcomeName(policy, decision.Outcome);
            if (!chainOutcome)
            {
                Differs("认定结果", OutcomeName(policy, decision.Outcome), Text(decide.Changes, "outcome"));
            }
            if (Text(decide.Changes, "reasons") != decision.Reasons)
            {
                Differs("认定理由", decision.Reasons, Text(decide.Changes, "reasons"));
            }
            if (Text(decide.Changes, "mitigation") is var mitigation && (string.IsNullOrWhiteSpace(mitigation) ? null : mitigation) != decision.Mitigation)
            {
                Differs("从轻减轻处理方式", decision.Mitigation, mitigation);
            }
        }

        found.AddRange(await CompareResultRecordsAsync(db, c, trail, policy, ct));
        found.AddRange(await CompareFilingAsync(db, c, trail, ct));
        return found;
    }

    private static async Task<IEnumerable<CaseStateMismatch>> CompareResultRecordsAsync(SafeHarborDb db, Case c, CaseTrail trail, PolicyVersion? policy, CancellationToken ct)
    {
        var rows = await db.Set<ResultRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => r.CaseId == c.Id && r.BureauId == c.BureauId).ToListAsync(ct);
        var made = trail.ResultRecords;
        string Describe(IEnumerable<string> keys) => keys.Any() ? string.Join("、", keys.Order(StringComparer.Ordinal)) : "无";
        List<string> rowKeys;
        List<string> chainKeys;
        if (made is not { ValueKind: JsonValueKind.Object } details)
        {
            rowKeys = rows.Select(r => $"{r.SubjectName}/{r.UseArticle}").ToList();
            chainKeys = [];
        }
        else if (details.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array)
        {
            rowKeys = rows.Select(r => $"{r.SubjectName}/{r.UseCode}").ToList();
            chainKeys = records.EnumerateArray().Select(r => $"{Text(r, "subject")}/{Text(r, "use")}").ToList();
        }
        else
        {
            // Older entries name the subjects and the uses' articles: the records are every subject times every use.
            rowKeys = rows.Select(r => $"{r.SubjectName}/{r.UseArticle}").ToList();
            chainKeys = Strings(details, "subjects").SelectMany(s => Strings(details, "uses").Select(u => $"{s}/{u}")).ToList();
        }
        var mismatches = new List<CaseStateMismatch>();
        if (!rowKeys.Order(StringComparer.Ordinal).SequenceEqual(chainKeys.Order(StringComparer.Ordinal)))
        {
            mismatches.Add(new(c.Number, "结果运用记录",
                $"案件 {c.Number} 的结果运用记录与审计日志不符：表中 {rowKeys.Count} 条（{Describe(rowKeys)}），审计日志 {chainKeys.Count} 条（{Describe(chainKeys)}）。"));
        }
        if (c.Decision is { } decision && rows.FirstOrDefault(r => r.Outcome != decision.Outcome) is { } other)
        {
            mismatches.Add(new(c.Number, "结果运用记录",
                $"案件 {c.Number} 的结果运用记录（{other.SubjectName}，{other.UseArticle}）写的认定结果“{OutcomeName(policy, other.Outcome)}”与认定意见不符。"));
        }
        return mismatches;
    }

    /// <summary>The filing: archive number, the filing record's manifest and chain hash, and the case facts as filed (case-record.json).</summary>
    private static async Task<IEnumerable<CaseStateMismatch>> CompareFilingAsync(SafeHarborDb db, Case c, CaseTrail trail, CancellationToken ct)
    {
        var archive = trail.Steps.LastOrDefault(s => s.Action == nameof(CaseAction.Archive));
        var record = await db.Set<ArchiveRecord>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == c.Id && a.BureauId == c.BureauId, ct);
        var mismatches = new List<CaseStateMismatch>();
        void Differs(string field, string? row, string? chain) =>
            mismatches.Add(new(c.Number, field, $"案件 {c.Number} 的{field}与审计日志不符：表中为“{row ?? "（无）"}”，审计日志为“{chain ?? "（无）"}”。"));
        var chainNumber = archive is null ? null : Text(archive.Changes, "archiveNumber");
        if (c.ArchiveNumber != chainNumber)
        {
            Differs("档号", c.ArchiveNumber, chainNumber);
        }
        if (record is null != archive is null)
        {
            Differs("备案记录", record?.ArchiveNumber, chainNumber);
            return mismatches;
        }
        if (record is null || archive is null)
        {
            return mismatches;
        }
        if (record.ArchiveNumber != chainNumber)
        {
            Differs("备案记录的档号", record.ArchiveNumber, chainNumber);
        }
        if (record.AuditChainHash != Text(archive.Changes, "auditChainHash"))
        {
            Differs("备案时的审计链哈希", record.AuditChainHash, Text(archive.Changes, "auditChainHash"));
        }
        List<ManifestItem> items;
        try
        {
            items = JsonSerializer.Deserialize<List<ManifestItem>>(record.ManifestJson, AuditLog.DetailsJson) ?? [];
        }
        catch (JsonException)
        {
            items = [];
        }
        var filed = Text(archive.Changes, "manifestSm3") is { } manifestSm3
            ? Sm3.HashHex(record.ManifestJson) == manifestSm3
            : items.Select(m => $"{m.Name} SM3:{m.Sm3}").SequenceEqual(Strings(archive.Changes, "documents"));
        if (!filed)
        {
            mismatches.Add(new(c.Number, "备案清单", $"案件 {c.Number} 备案记录中的文件清单与存档备案时审计日志记下的不符：备案记录被改动。"));
        }
        // The case facts as filed: recomputed from the rows now, against the SM3 the chain recorded at filing.
        var caseRecordSm3 = Strings(archive.Changes, "documents").FirstOrDefault()?.Split(" SM3:") is [_, var sm3] ? sm3 : null;
        if (caseRecordSm3 is not null && Sm3.HashHex(ArchiveCase.CaseRecordJson(c)) != caseRecordSm3)
        {
            mismatches.Add(new(c.Number, "案件记录", $"案件 {c.Number} 的案件内容（事实、申请、核实、报告、认定）与存档备案时不符：备案后案件表被改动。"));
        }
        return mismatches;
    }

    /// <summary>The step is one <see cref="CaseWorkflow"/> has: this action from this status to that one.</summary>
    private static bool FollowsWorkflow(Step step)
    {
        CaseStatus? from = step.From is null ? null : Enum.TryParse<CaseStatus>(step.From, out var f) ? f : (CaseStatus)(-1);
        return Enum.TryParse<CaseAction>(step.Action, out var action)
            && CaseWorkflow.Steps.Any(s => s.From == from && s.Action == action && s.To.ToString() == step.To);
    }

    private static string OutcomeName(PolicyVersion? policy, Outcome outcome) => policy?.OutcomeName(outcome) ?? outcome.ToString();

    private static string? Status(string? code) => Enum.TryParse<CaseStatus>(code, out var status) ? status.Chinese() : code;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
}
