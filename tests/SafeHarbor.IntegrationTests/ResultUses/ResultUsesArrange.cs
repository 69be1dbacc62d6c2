using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.ResultUses;

/// <summary>
/// The matters the result-use tests ask about, decided through the real API: for 何执法 (staffA) one exempted,
/// one not exempted and one registered without an application; for 林执法 (staffA2) one mitigated; for
/// 城西分局 as a unit one exempted.
/// </summary>
internal sealed record Matters(CaseRef Exempted, CaseRef NotExempted, CaseRef NotApplied, CaseRef Mitigated, CaseRef UnitExempted);

internal static class ResultUsesArrange
{
    public const string Mitigation = "免予党纪处分，由局党组进行提醒谈话。";

    public static readonly string[] Uses = ["integrity-assessment", "annual-target-assessment", "cadre-review", "annual-appraisal", "lighter-discipline"];

    public static readonly string[] Articles = ["第十一条第（一）项", "第十一条第（二）项", "第十一条第（三）项", "第十一条第（四）项", "第十一条第（五）项"];

    public static async Task<Matters> MattersAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);

        async Task<CaseRef> DecidedAsync(string subject, string title, Outcome outcome, string? mitigation = null)
        {
            var c = await flow.RegisterAsync(subject, title: title);
            await flow.ApplyAsync(c, subject);
            await flow.VerifyAsync(c);
            await flow.ReportAsync(c, outcome);
            await flow.DecideAtMeetingAsync(c, outcome, mitigation);
            return c;
        }

        var exempted = await DecidedAsync("staffA", "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时", Outcome.Exempted);
        var notExempted = await DecidedAsync("staffA", "城东分局食品抽检样品超期送检", Outcome.NotExempted);
        var notApplied = await flow.RegisterAsync("staffA", title: "城东分局执法文书送达不及时");
        var mitigated = await DecidedAsync("staffA2", "城东分局容缺受理材料审核不严", Outcome.Mitigated, Mitigation);

        var unit = await flow.RegisterAsync("城西分局", title: "城西分局广告监测线索移交延误", kind: SubjectKind.Unit);
        await app.As("leaderB").PostJsonAsync($"{unit.Url}/application", Support.Procedure.ApplicationBody(["c1", "c6"], SubjectKind.Unit, app.Cast.BranchB)).OkAsync();
        await flow.VerifyAsync(unit);
        await flow.ReportAsync(unit, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(unit, Outcome.Exempted);

        return new Matters(exempted, notExempted, notApplied, mitigated, unit);
    }

    public static string CoverageUrl(Guid? personId = null, Guid? unitId = null, Guid? caseId = null, string? use = null)
    {
        var query = new List<string>();
        if (personId is { } p) { query.Add($"personId={p}"); }
        if (unitId is { } u) { query.Add($"unitId={u}"); }
        if (caseId is { } c) { query.Add($"caseId={c}"); }
        if (use is not null) { query.Add($"use={use}"); }
        return "/api/result-uses/coverage?" + string.Join("&", query);
    }

    /// <summary>The same question on the page (GET form, 查询 pressed).</summary>
    public static string PageUrl(SubjectKind kind, Guid subjectId, Guid? caseId, string use, string? caseNumber = null) =>
        $"/ResultUses?Q.Kind={kind}&Q.{(kind == SubjectKind.Person ? "PersonId" : "UnitId")}={subjectId}"
        + (caseId is { } c ? $"&Q.CaseId={c}" : "") + (caseNumber is null ? "" : $"&Q.CaseNumber={Uri.EscapeDataString(caseNumber)}")
        + $"&Q.Use={use}&Q.Ask=true";
}
