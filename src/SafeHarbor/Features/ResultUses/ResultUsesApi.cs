using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>
/// Art. 11: a determination to exempt (or to mitigate) creates one record per subject and per use,
/// and other systems ask "is this person or unit covered for this matter and this purpose?".
/// </summary>
[Article("11(1)", "11(2)", "11(3)", "11(4)", "11(5)")]
public static class ResultUsesApi
{
    public sealed record Coverage(bool Covered, string Answer, IReadOnlyList<RecordView> Records);

    public sealed record RecordView(
        Guid Id, Guid CaseId, string CaseNumber, string MatterTitle, string SubjectName, string UseCode, string UseArticle, string UseText,
        Outcome Outcome, string OutcomeName, string? Mitigation, DateOnly DecidedOn);

    public sealed record MatterStatus(
        Guid CaseId, string CaseNumber, string MatterTitle, DateOnly AccountabilityStartedOn, CaseStatus Status, string StatusName,
        Outcome? Outcome, string Exemption, string? Mitigation, IReadOnlyList<string> Uses);

    public sealed record CadreReview(Guid PersonId, string PersonName, string UnitName, bool AnyVetoRisk, string Summary, IReadOnlyList<MatterStatus> Matters);

    public static IServiceCollection AddResultUses(this IServiceCollection services) =>
        services.AddScoped<ICaseStepHandler, ResultRecordsOnDecision>();

    public static IEndpointRouteBuilder MapResultUses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/result-uses").WithTags("结果运用（第十一条）").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                MayQuery(context.HttpContext.RequestServices.GetRequiredService<Actor>())
                    ? await next(context)
                    : throw Refused());
        group.MapGet("/coverage", (Guid? personId, Guid? unitId, Guid? caseId, string? use, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                CoverageAsync(db, policies, personId, unitId, caseId, use, ct))
            .WithSummary("某人（或单位）就某一事项、某一用途是否已获容错免责保护")
            .WithDescription("use 为办法 resultUses 的代码，例如 integrity-assessment（党风廉政建设责任制考核）、annual-target-assessment（年度综合目标考核）、cadre-review（干部调整、提拔、职称评定廉政审查）、annual-appraisal（年度考核、评先表优）、lighter-discipline（从轻或减轻处理）；不给 caseId 时查该人全部事项。");
        group.MapGet("/records", (Guid? personId, Guid? unitId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                RecordsAsync(db, policies, personId, unitId, ct))
            .WithSummary("结果运用记录");
        group.MapGet("/cadre-review/{personId:guid}", (Guid personId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                CadreReviewAsync(db, policies, personId, ct))
            .WithSummary("干部廉政审查：列出某人全部问责事项及其容错免责情况");
        return app;
    }

    /// <summary>人事科 and the procedure bodies ask; nobody else reads other people's records.</summary>
    public static bool MayQuery(Actor actor) => actor.SeesAllCases || actor.Has(Role.Personnel);

    public static DomainException Refused() => DomainException.Forbidden("not-your-duty", "结果运用记录供人事科和容错免责程序中承担职责的机构查询。");

    public static async Task<IReadOnlyList<RecordView>> RecordsAsync(SafeHarborDb db, PolicyCatalog policies, Guid? personId, Guid? unitId, CancellationToken ct)
    {
        var query = db.Set<ResultRecord>().AsNoTracking();
        if (personId is not null)
        {
            query = query.Where(r => r.PersonId == personId);
        }
        if (unitId is not null)
        {
            query = query.Where(r => r.UnitId == unitId);
        }
        var records = await query.ToListAsync(ct);
        return records.InArticleOrder(policies).OrderByDescending(r => r.DecidedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)
            .Select(r => View(r, policies)).ToList();
    }

    public static async Task<Coverage> CoverageAsync(SafeHarborDb db, PolicyCatalog policies, Guid? personId, Guid? unitId, Guid? caseId, string? use, CancellationToken ct)
    {
        if ((personId is null) == (unitId is null))
        {
            throw DomainException.Invalid("subject-required", "请指定 personId（人员）或 unitId（单位）之一。");
        }
        var uses = policies.All.SelectMany(p => p.ResultUses).Select(u => u.Code).ToHashSet();
        if (string.IsNullOrWhiteSpace(use) || !uses.Contains(use))
        {
            throw DomainException.Invalid("use-unknown", $"请指定用途 use，可用：{string.Join("、", uses)}。");
        }
        var subjectName = personId is { } p
            ? await db.Persons.Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct)
            : await db.Units.Where(x => x.Id == unitId).Select(x => x.Name).SingleOrDefaultAsync(ct);
        if (subjectName is null)
        {
            throw DomainException.NotFound("subject-not-found", personId is not null ? "人员不存在。" : "单位不存在。");
        }
        var records = (await RecordsAsync(db, policies, personId, unitId, ct))
            .Where(r => r.UseCode == use && (caseId is null || r.CaseId == caseId)).ToList();
        var useText = policies.All.SelectMany(x => x.ResultUses).First(u => u.Code == use);
        string answer;
        if (records.Count > 0)
        {
            answer = $"{subjectName}就{string.Join("、", records.Select(r => $"事项 {r.CaseNumber}“{r.MatterTitle}”（{r.OutcomeName}，{r.DecidedOn:yyyy-MM-dd}）"))}受{useText.Article}保护：{useText.Text}。";
        }
        else if (caseId is { } matter)
        {
            var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == matter, ct)
                ?? throw DomainException.NotFound("case-not-found", "事项不存在。");
            var involved = c.Subjects.Any(s => personId is not null
                ? s.PersonId == personId
                : s.Kind == SubjectKind.Unit && s.UnitId == unitId);
            answer = !involved
                ? $"{subjectName}不是事项 {c.Number} 的问责对象，该事项与其无关。"
                : c.Decision is { } d
                    ? $"事项 {c.Number} 的认定结果为“{policies.Get(c.PolicyId).OutcomeName(d.Outcome)}”，{subjectName}在“{useText.Title}”方面不受容错免责保护。"
                    : $"事项 {c.Number} 尚未认定（{c.Status.Chinese()}），{subjectName}暂不受容错免责保护。";
        }
        else
        {
            answer = $"{subjectName}没有在“{useText.Title}”方面受容错免责保护的事项。";
        }
        return new Coverage(records.Count > 0, answer, records);
    }

    /// <summary>The matter's exemption status in the words of the cadre review (干部廉政审查).</summary>
    public static string ExemptionStatus(Case c) => c.Decision switch
    {
        { Outcome: Outcome.Exempted } => "已予容错免责",
        { Outcome: Outcome.Mitigated } => "从轻或减轻处理",
        { Outcome: Outcome.NotExempted } => "不予容错免责",
        _ when c.Status is CaseStatus.Refused || c.WasRefusedAsLate => "申请不予受理",
        _ when c.Status is CaseStatus.Withdrawn || (c.Status is CaseStatus.Archived && c.Application is not null) => "申请已撤回",
        _ when c.Application is null => "未申请容错免责",
        _ => "容错免责程序进行中",
    };

    public static async Task<CadreReview> CadreReviewAsync(SafeHarborDb db, PolicyCatalog policies, Guid personId, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
        var unitName = await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Subjects.Any(s => s.PersonId == personId))
            .OrderBy(c => c.AccountabilityStartedOn).ThenBy(c => c.Number).ToListAsync(ct);
        var records = await db.Set<ResultRecord>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        var matters = cases.Select(c =>
        {
            var uses = records.Where(r => r.CaseId == c.Id).InArticleOrder(policies).Select(r => $"{r.UseArticle} {r.UseText}").ToList();
            var exemption = ExemptionStatus(c);
            return new MatterStatus(c.Id, c.Number, c.Title, c.AccountabilityStartedOn, c.Status, c.Status.Chinese(),
                c.Decision?.Outcome, exemption, c.Decision?.Mitigation, uses);
        }).ToList();
        // Art. 11(3): an exempted matter carries no one-vote veto in cadre review; others must be weighed by the reviewers.
        var unprotected = matters.Where(m => !records.Any(r => r.CaseId == m.CaseId && r.UseCode == "cadre-review")).ToList();
        var summary = matters.Count == 0
            ? $"{person.Name}没有问责事项记录。"
            : unprotected.Count == 0
                ? $"{person.Name}共有 {matters.Count} 个问责事项，均已予容错免责，在干部调整、提拔任用、职称评定等党风廉政审查中免于一票否决。"
                : $"{person.Name}共有 {matters.Count} 个问责事项，其中 {unprotected.Count} 个未获容错免责保护，请审查组结合具体情况把握：{string.Join("、", unprotected.Select(m => m.CaseNumber))}。";
        return new CadreReview(person.Id, person.Name, unitName, unprotected.Count > 0, summary, matters);
    }

    private static RecordView View(ResultRecord r, PolicyCatalog policies) =>
        new(r.Id, r.CaseId, r.CaseNumber, r.MatterTitle, r.SubjectName, r.UseCode, r.UseArticle, r.UseText, r.Outcome,
            r.Outcome switch { Outcome.Exempted => "予以容错免责", Outcome.Mitigated => "从轻或减轻处理", _ => "不予容错免责" }, r.Mitigation, r.DecidedOn);
}

/// <summary>On a determination to exempt or mitigate: one record per subject (unit or person) and per use the policy ties to that outcome.</summary>
public sealed class ResultRecordsOnDecision : ICaseStepHandler
{
    public Task HandleAsync(CommandContext context, Case c, CaseEvent step, CancellationToken ct)
    {
        if (step.Action != CaseAction.Decide || c.Decision is not { Outcome: Outcome.Exempted or Outcome.Mitigated } decision)
        {
            return Task.CompletedTask;
        }
        var policy = context.PolicyOf(c);
        var uses = policy.ResultUses.Where(u => u.AppliesToOutcome(decision.Outcome)).ToList();
        foreach (var subject in c.Subjects)
        {
            foreach (var use in uses)
            {
                context.Db.Add(new ResultRecord
                {
                    Id = Guid.NewGuid(),
                    CaseId = c.Id,
                    CaseNumber = c.Number,
                    MatterTitle = c.Title,
                    SubjectKind = subject.Kind,
                    PersonId = subject.Kind == SubjectKind.Person ? subject.PersonId : null,
                    UnitId = subject.Kind == SubjectKind.Unit ? subject.UnitId : null,
                    SubjectName = subject.Name,
                    UseCode = use.Code,
                    UseArticle = use.Article,
                    UseText = use.Text,
                    Outcome = decision.Outcome,
                    Mitigation = decision.Mitigation,
                    DecidedOn = decision.DecidedOn,
                });
            }
        }
        context.Audit("CreateResultRecords", nameof(ResultRecord), c.Number, c.Id, "结果运用",
            new { outcome = policy.OutcomeName(decision.Outcome), subjects = c.Subjects.Select(s => s.Name), uses = uses.Select(u => u.Article) });
        return Task.CompletedTask;
    }
}
