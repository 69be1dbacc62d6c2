using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.Correction;
using SafeHarbor.Features.Incentives;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Profiles;

/// <summary>
/// A person's profile (个人档案, issue item 7): the person, their accountability matters with the outcome and the
/// result uses (Art. 11), the correction of those matters (Art. 8), their assessments (Art. 12) and the care and
/// incentive records (Art. 13) — each section as its own feature reads it, under the reader's rights.
/// </summary>
public static class GetProfile
{
    public sealed record PersonView(
        Guid Id, string Name, Guid UnitId, string UnitName, string UnitTypeName, string Post, bool IsLeader, bool InLeadershipTeam, bool FrontLine);

    /// <summary>One result use of a matter (第十一条第（几）项).</summary>
    public sealed record UseView(string Code, string Article, string Title, string Text);

    /// <summary>The correction of a matter as far as it concerns the person (Art. 8).</summary>
    public sealed record CorrectionSummary(
        CorrectionStage Stage, string StageName, PlanStatus? PlanStatus, string PlanStatusName,
        int Talks, int Letters, bool HasAnalysis, int Measures, int MeasuresDone, int Overdue, DateOnly? ClosedOn, string? ClosureSummary);

    /// <param name="Involvement">问责对象, 申请人, or both.</param>
    /// <param name="MayOpen">The reader may open the case (and its correction) itself; otherwise the profile names it only.</param>
    /// <param name="Correction">Set for an exempted or mitigated matter of which the person is a subject.</param>
    public sealed record CaseView(
        Guid CaseId, string Number, string Title, string BusinessField, DateOnly StartedOn, CaseStatus Status, string StatusName,
        string Involvement, bool IsSubject, Outcome? Outcome, string? OutcomeName, DateOnly? DecidedOn, string Exemption, string? Mitigation,
        IReadOnlyList<UseView> Uses, bool MayOpen, CorrectionSummary? Correction);

    /// <summary>An individual talk (个别谈话) held with the person; the points only for a reader who may open the case.</summary>
    public sealed record CorrectionTalkView(Guid CaseId, string CaseNumber, DateOnly HeldOn, string TalkerName, string Place, string? Points);

    /// <summary>A rectification measure the person owns.</summary>
    public sealed record MeasureView(
        Guid CaseId, string CaseNumber, Guid MeasureId, string Text, int WorkingDays, DateOnly DueOn, string? DueProvisionalReason, DateOnly? DoneOn, string? Evidence,
        MeasureState State, string StateName, bool PlanClosed);

    public sealed record CorrectionSection(IReadOnlyList<CorrectionTalkView> Talks, IReadOnlyList<MeasureView> Measures);

    /// <param name="Shown">False when the reader may not read the person's assessments; <paramref name="Note"/> says why.</param>
    public sealed record AssessmentSection(bool Shown, string? Note, IReadOnlyList<AssessmentQueries.AssessmentView> Items);

    public sealed record IncentiveSection(
        bool Shown, string? Note,
        IReadOnlyList<IncentiveQueries.TalkView> Talks, IReadOnlyList<IncentiveQueries.CommendationView> Commendations,
        IReadOnlyList<IncentiveQueries.SupportMeasureView> SupportMeasures);

    public sealed record PersonProfile(
        PersonView Person, bool Own, string Summary, IReadOnlyList<CaseView> Cases, CorrectionSection Corrections,
        AssessmentSection Assessments, IncentiveSection Incentives);

    /// <summary>The person's profile; 404 for an unknown person, 403 unless <see cref="ProfileAccess.MayView"/>.</summary>
    public static async Task<PersonProfile> HandleAsync(
        SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, Guid personId, Actor actor, DateOnly today, CancellationToken ct = default)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound("person-not-found", "找不到该人员。");
        if (!ProfileAccess.MayView(actor, person.Id, person.UnitId))
        {
            throw ProfileAccess.Refused();
        }
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == person.UnitId, ct);
        var personView = new PersonView(
            person.Id, person.Name, person.UnitId, unit?.Name ?? "（未知单位）", unit?.Type.Chinese() ?? "", person.Post,
            person.IsLeader, person.InLeadershipTeam, unit is not null && IncentiveAccess.IsFrontLine(unit.Type, person.Post));

        var cases = await CasesAsync(db, policies, calendar, person.Id, actor, today, ct);
        var corrections = await CorrectionsAsync(db, calendar, person.Id, cases, today, ct);
        var assessments = await AssessmentsAsync(db, person.Id, actor, ct);
        var incentives = await IncentivesAsync(db, person.Id, actor, ct);
        return new PersonProfile(personView, actor.PersonId == person.Id, Summarise(person.Name, cases, corrections), cases, corrections, assessments, incentives);
    }

    private static async Task<IReadOnlyList<CaseView>> CasesAsync(
        SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, Guid personId, Actor actor, DateOnly today, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Subjects.Any(s => s.PersonId == personId) || (c.Application != null && c.Application.ApplicantPersonId == personId))
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var visible = (await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var records = await db.Set<ResultRecord>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        var progress = await CorrectionQueries.ProgressAsync(db, ids, ct);

        return cases
            .OrderByDescending(c => c.AccountabilityStartedOn).ThenByDescending(c => c.Number, StringComparer.Ordinal)
            .Select(c =>
            {
                var policy = policies.Get(c.PolicyId);
                var isSubject = c.Subjects.Any(s => s.PersonId == personId);
                var isApplicant = c.Application?.ApplicantPersonId == personId;
                var involvement = isSubject && isApplicant ? "问责对象、申请人" : isSubject ? "问责对象" : "申请人";
                var uses = records.Where(r => r.CaseId == c.Id).InArticleOrder(policies)
                    .Select(r => new UseView(r.UseCode, r.UseArticle, policy.ResultUses.FirstOrDefault(u => u.Code == r.UseCode)?.Title ?? r.UseText, r.UseText))
                    .ToList();
                // A party learns the outcome from the written feedback (CaseDisclosure), not from the profile; 人事科 applies
                // the result (Art. 11) from the decision on, so it reads the outcome as the bodies do.
                var decision = AssessmentAccess.IsPersonnel(actor) || actor.Shows(c, CaseSection.Decision) ? c.Decision : null;
                CorrectionSummary? correction = null;
                if (isSubject && CorrectionRules.Applies(decision?.Outcome))
                {
                    var p = progress[c.Id];
                    correction = new CorrectionSummary(
                        p.Stage, p.Stage.Chinese(), p.Plan?.Status, p.Plan?.Status.Chinese() ?? "未制定",
                        p.Talks, p.Letters, p.Analysed, p.Plan?.Measures.Count ?? 0, p.MeasuresDone, p.Overdue(today),
                        p.Plan?.ClosedOn, p.Plan?.ClosureSummary);
                }
                return new CaseView(
                    c.Id, c.Number, c.Title, c.BusinessField, c.AccountabilityStartedOn, c.Status, c.Status.Chinese(),
                    involvement, isSubject, decision?.Outcome, decision is { } d ? policy.OutcomeName(d.Outcome) : null, decision?.DecidedOn,
                    decision is null && c.Decision is not null ? "容错免责程序进行中" : ResultUseQueries.ExemptionStatus(c), decision?.Mitigation, uses, visible.Contains(c.Id), correction);
            })
            .ToList();
    }

    private static async Task<CorrectionSection> CorrectionsAsync(
        SafeHarborDb db, WorkingDayCalendar calendar, Guid personId, IReadOnlyList<CaseView> cases, DateOnly today, CancellationToken ct)
    {
        var byId = cases.ToDictionary(c => c.CaseId);
        var talks = await db.Set<CorrectionTalk>().AsNoTracking().Where(t => t.IntervieweePersonId == personId).ToListAsync(ct);
        var plans = await db.Set<RectificationPlan>().AsNoTracking().Where(p => p.Measures.Any(m => m.OwnerPersonId == personId)).ToListAsync(ct);
        // A measure may be given to a colleague who is no subject of the matter: name the matter all the same.
        var otherIds = talks.Select(t => t.CaseId).Concat(plans.Select(p => p.CaseId)).Where(id => !byId.ContainsKey(id)).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        string NumberOf(Guid caseId) => byId.TryGetValue(caseId, out var c) ? c.Number : numbers.GetValueOrDefault(caseId) ?? "";

        var talkViews = talks
            .OrderByDescending(t => t.HeldOn)
            .Select(t => new CorrectionTalkView(t.CaseId, NumberOf(t.CaseId), t.HeldOn, t.TalkerName, t.Place,
                byId.TryGetValue(t.CaseId, out var c) && c.MayOpen ? t.Points : null))
            .ToList();
        var measures = plans
            .SelectMany(p => p.Measures.Where(m => m.OwnerPersonId == personId).Select(m => (p, m)))
            .Select(x =>
            {
                var state = StateOf(x.m, today, calendar);
                return new MeasureView(x.p.CaseId, NumberOf(x.p.CaseId), x.m.Id, x.m.Text, x.m.WorkingDays, x.m.DueOn, x.m.DueProvisionalReason, x.m.DoneOn, x.m.Evidence,
                    state, state.Chinese(), x.p.Status == PlanStatus.Closed);
            })
            .OrderBy(m => m.DoneOn is null ? 0 : 1).ThenBy(m => m.DueOn).ThenBy(m => m.CaseNumber, StringComparer.Ordinal)
            .ToList();
        return new CorrectionSection(talkViews, measures);
    }

    /// <summary>A measure's state; without the holiday notice of the due date's year, overdue or open by the date alone.</summary>
    private static MeasureState StateOf(RectificationMeasure m, DateOnly today, WorkingDayCalendar calendar)
    {
        try
        {
            return CorrectionRules.StateOf(m, today, calendar);
        }
        catch (CalendarNotPublishedException)
        {
            return CorrectionRules.IsOverdue(m, today) ? MeasureState.Overdue : MeasureState.Open;
        }
    }

    /// <summary>Art. 12 results are read by 人事科 (every period) and by the person (closed periods); others are told so.</summary>
    private static async Task<AssessmentSection> AssessmentsAsync(SafeHarborDb db, Guid personId, Actor actor, CancellationToken ct)
    {
        if (AssessmentAccess.IsPersonnel(actor))
        {
            return new AssessmentSection(true, null, await AssessmentQueries.ForPersonAsync(db, personId, includeOpen: true, ct));
        }
        if (actor.PersonId == personId)
        {
            return new AssessmentSection(true, "只显示已关闭的考核期；尚在进行中的考核期，分数和等次可能还会调整。",
                await AssessmentQueries.ForPersonAsync(db, personId, includeOpen: false, ct));
        }
        return new AssessmentSection(false, "考核结果仅本人和人事科可以查看。", []);
    }

    /// <summary>Art. 13 records as <see cref="IncentiveAccess"/> lets the reader see them.</summary>
    private static async Task<IncentiveSection> IncentivesAsync(SafeHarborDb db, Guid personId, Actor actor, CancellationToken ct)
    {
        try
        {
            var mine = await GetPersonIncentives.HandleAsync(db, personId, actor, ct);
            var note = mine.Talks.Any(t => t.ContentWithheld) ? "谈心谈话记录的内容由组织留存，这里只显示谈话时间和谈话人。" : null;
            return new IncentiveSection(true, note, mine.Talks, mine.Commendations, mine.SupportMeasures);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Forbidden)
        {
            return new IncentiveSection(false, "关爱激励记录由人事科、局党组成员、局办公室、本人和所在单位的领导查看。", [], [], []);
        }
    }

    private static string Summarise(string name, IReadOnlyList<CaseView> cases, CorrectionSection corrections)
    {
        if (cases.Count == 0 && corrections.Measures.Count == 0)
        {
            return $"{name}没有问责事项记录。";
        }
        var exempted = cases.Count(c => c.Outcome == Outcome.Exempted);
        var mitigated = cases.Count(c => c.Outcome == Outcome.Mitigated);
        var notExempted = cases.Count(c => c.Outcome == Outcome.NotExempted);
        var undecided = cases.Count - exempted - mitigated - notExempted;
        var uses = cases.Sum(c => c.Uses.Count);
        var text = $"{name}涉及问责事项 {cases.Count} 件（予以容错免责 {exempted} 件，从轻或减轻处理 {mitigated} 件，不予容错免责 {notExempted} 件"
            + (undecided > 0 ? $"，尚未认定 {undecided} 件" : "") + $"），结果运用记录 {uses} 条";
        if (corrections.Measures.Count > 0)
        {
            text += $"；负责整改措施 {corrections.Measures.Count} 项，已完成 {corrections.Measures.Count(m => m.DoneOn is not null)} 项";
            var overdue = corrections.Measures.Count(m => m.State == MeasureState.Overdue);
            if (overdue > 0)
            {
                text += $"，逾期未完成 {overdue} 项";
            }
        }
        return text + "。";
    }
}
