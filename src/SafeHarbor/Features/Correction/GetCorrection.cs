using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>One case's correction (Art. 8): talks, letters, the cause analysis, the plan with its measures and checks, and what the actor may do.</summary>
public static class GetCorrection
{
    public static async Task<CorrectionQueries.CorrectionView> HandleAsync(Guid caseId, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var c = await CorrectionAccess.LoadCaseAsync(db, actor, caseId, ct);
        var policy = policies.Get(c.PolicyId);
        var talks = await db.Set<CorrectionTalk>().AsNoTracking().Where(t => t.CaseId == c.Id).ToListAsync(ct);
        var letters = await db.Set<ReminderLetterSent>().AsNoTracking().Where(l => l.CaseId == c.Id).ToListAsync(ct);
        var analysis = await db.Set<CauseAnalysis>().AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == c.Id, ct);
        var plan = await db.Set<RectificationPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == c.Id, ct);
        var analyst = analysis is null ? null : await db.Users.Where(u => u.Id == analysis.RecordedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);

        var stage = CorrectionRules.StageOf(talks.Count, letters.Count, analysis is not null, plan?.Status);
        // A closed plan is the finished record: no more talks, letters or analysis are added to it.
        var mayRecord = CorrectionAccess.MayRecord(c, actor, policy) && plan is not { Status: PlanStatus.Closed };
        var may = new CorrectionQueries.Permissions(
            mayRecord,
            CorrectionAccess.MayFollowUp(c, actor, policy) && plan is { Status: PlanStatus.Open },
            mayRecord && plan is { Status: PlanStatus.Open } && CorrectionRules.WhyNotClosable(plan) is null);
        return new CorrectionQueries.CorrectionView(
            c.Id, c.Number, c.Title, c.Description, c.Status, c.Status.Chinese(),
            c.Decision!.Outcome, policy.OutcomeName(c.Decision.Outcome), c.Decision.Mitigation, c.Decision.DecidedOn, policy.DocumentNumber, policy.Provision(ProvisionCodes.Correction) is { } art8 ? $"{art8.Article} {art8.Text}" : null,
            c.Subjects.Select(s => new CorrectionQueries.SubjectView(s.Kind, s.Kind == SubjectKind.Person ? s.PersonId!.Value : s.UnitId!.Value, s.Name)).ToList(),
            talks.OrderBy(t => t.HeldOn).Select(t => new CorrectionQueries.TalkView(t.Id, t.HeldOn, t.TalkerPersonId, t.TalkerName, t.Interviewee, t.Place, t.Points)).ToList(),
            letters.OrderBy(l => l.SentOn).Select(l => new CorrectionQueries.LetterView(l.Id, l.SentOn, l.Addressee, l.DocumentNumber, l.Points)).ToList(),
            analysis is null ? null : new CorrectionQueries.AnalysisView(analysis.Text, analysis.RecordedOn, analyst ?? ""),
            plan is null ? null : PlanOf(plan, actor, today, calendar),
            stage, stage.Chinese(),
            await RecordReminderLetter.UnlinkedNumberAsync(db, c.Id, ct),
            may);
    }

    private static CorrectionQueries.PlanView PlanOf(RectificationPlan p, Actor actor, DateOnly today, WorkingDayCalendar calendar) => new(
        p.Id, p.Status, p.Status.Chinese(), p.CreatedOn, p.ClosedOn, p.ClosureSummary, p.Version,
        p.Measures.OrderBy(m => m.DueOn).ThenBy(m => m.OwnerName, StringComparer.Ordinal).Select(m => MeasureOf(m, p, actor, today, calendar)).ToList(),
        p.Checks.OrderBy(x => x.CheckedOn).Select(x => new CorrectionQueries.CheckView(x.Id, x.CheckedOn, x.CheckerName, x.Finding, x.Satisfactory, x.Satisfactory ? "整改到位" : "尚未到位")).ToList(),
        p.Measures.Count(m => CorrectionRules.IsOverdue(m, today)),
        p.Status == PlanStatus.Open ? CorrectionRules.WhyNotClosable(p) : null);

    private static CorrectionQueries.MeasureView MeasureOf(RectificationMeasure m, RectificationPlan p, Actor actor, DateOnly today, WorkingDayCalendar calendar)
    {
        var state = CorrectionRules.StateOf(m, today, calendar);
        return new CorrectionQueries.MeasureView(
            m.Id, m.Text, m.OwnerPersonId, m.OwnerName, m.WorkingDays, m.DueOn, m.DueProvisionalReason, m.DoneOn, m.Evidence, state, state.Chinese(),
            CorrectionRules.DeadlineOf(m, today, calendar),
            p.Status == PlanStatus.Open && m.DoneOn is null && actor.PersonId == m.OwnerPersonId);
    }
}
