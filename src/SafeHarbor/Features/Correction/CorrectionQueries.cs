using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>The read side of Art. 8: one case's correction, the list of cases to correct, an owner's measures, overdue measures.</summary>
public static class CorrectionQueries
{
    public sealed record SubjectView(SubjectKind Kind, Guid Id, string Name);

    public sealed record TalkView(Guid Id, DateOnly HeldOn, Guid TalkerPersonId, string TalkerName, string Interviewee, string Place, string Points);

    public sealed record LetterView(Guid Id, DateOnly SentOn, string Addressee, string? DocumentNumber, string Points);

    public sealed record AnalysisView(string Text, DateOnly RecordedOn, string RecordedBy);

    public sealed record MeasureView(
        Guid Id, string Text, Guid OwnerPersonId, string OwnerName, int WorkingDays, DateOnly DueOn, string? DueProvisionalReason, DateOnly? DoneOn, string? Evidence,
        MeasureState State, string StateName, DeadlineStatus? Deadline, bool MayComplete);

    public sealed record CheckView(Guid Id, DateOnly CheckedOn, string CheckerName, string Finding, bool Satisfactory, string Conclusion);

    public sealed record PlanView(
        Guid Id, PlanStatus Status, string StatusName, DateOnly CreatedOn, DateOnly? ClosedOn, string? ClosureSummary, int Version,
        IReadOnlyList<MeasureView> Measures, IReadOnlyList<CheckView> Checks, int Overdue, string? CloseBlocker);

    /// <summary>What the signed-in user may do here (the API and the page offer the same).</summary>
    public sealed record Permissions(bool Record, bool FollowUp, bool Close);

    public sealed record CorrectionView(
        Guid CaseId, string CaseNumber, string Title, string Description, CaseStatus Status, string StatusName,
        Outcome Outcome, string OutcomeName, string? Mitigation, DateOnly DecidedOn, string PolicyDocumentNumber, string? Article,
        IReadOnlyList<SubjectView> Subjects, IReadOnlyList<TalkView> Talks, IReadOnlyList<LetterView> Letters, AnalysisView? Analysis,
        PlanView? Plan, CorrectionStage Stage, string StageName, string? ReminderLetterNumberToLink, Permissions May);

    public sealed record ListItem(
        Guid CaseId, string Number, string Title, string Subjects, Outcome Outcome, string OutcomeName, DateOnly DecidedOn,
        CaseStatus Status, string StatusName, int Talks, int Letters, bool HasAnalysis, PlanStatus? PlanStatus, string PlanStatusName,
        int Measures, int MeasuresDone, int Overdue, CorrectionStage Stage, string StageName);

    public sealed record MyMeasure(
        Guid CaseId, string CaseNumber, string CaseTitle, bool MayOpenCase, Guid MeasureId, string Text, int WorkingDays, DateOnly DueOn,
        string? DueProvisionalReason, DateOnly? DoneOn, string? Evidence, MeasureState State, string StateName, DeadlineStatus? Deadline, bool PlanClosed, int PlanVersion);

    public sealed record OverdueMeasure(
        Guid CaseId, string CaseNumber, Guid MeasureId, string Text, Guid OwnerPersonId, string OwnerName, Guid? OwnerUnitId, string OwnerUnitName,
        DateOnly DueOn, string? DueProvisionalReason);

    public sealed record UnitOverdue(Guid? UnitId, string UnitName, int Measures, int Plans);

    /// <summary>Overdue measures of open plans, counted per unit of the measure's owner (for the dashboard).</summary>
    public sealed record OverdueSummary(int Measures, int Plans, IReadOnlyList<UnitOverdue> ByUnit, IReadOnlyList<OverdueMeasure> Items);

    public static async Task<CorrectionView> ForCaseAsync(Guid caseId, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
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
        var may = new Permissions(
            mayRecord,
            CorrectionAccess.MayFollowUp(c, actor, policy) && plan is { Status: PlanStatus.Open },
            mayRecord && plan is { Status: PlanStatus.Open } && CorrectionRules.WhyNotClosable(plan) is null);
        return new CorrectionView(
            c.Id, c.Number, c.Title, c.Description, c.Status, c.Status.Chinese(),
            c.Decision!.Outcome, policy.OutcomeName(c.Decision.Outcome), c.Decision.Mitigation, c.Decision.DecidedOn, policy.DocumentNumber, policy.Provision(ProvisionCodes.Correction) is { } art8 ? $"{art8.Article} {art8.Text}" : null,
            c.Subjects.Select(s => new SubjectView(s.Kind, s.Kind == SubjectKind.Person ? s.PersonId!.Value : s.UnitId!.Value, s.Name)).ToList(),
            talks.OrderBy(t => t.HeldOn).Select(t => new TalkView(t.Id, t.HeldOn, t.TalkerPersonId, t.TalkerName, t.Interviewee, t.Place, t.Points)).ToList(),
            letters.OrderBy(l => l.SentOn).Select(l => new LetterView(l.Id, l.SentOn, l.Addressee, l.DocumentNumber, l.Points)).ToList(),
            analysis is null ? null : new AnalysisView(analysis.Text, analysis.RecordedOn, analyst ?? ""),
            plan is null ? null : PlanOf(plan, actor, today, calendar),
            stage, stage.Chinese(),
            await RecordReminderLetter.UnlinkedNumberAsync(db, c.Id, ct),
            may);
    }

    private static PlanView PlanOf(RectificationPlan p, Actor actor, DateOnly today, WorkingDayCalendar calendar) => new(
        p.Id, p.Status, p.Status.Chinese(), p.CreatedOn, p.ClosedOn, p.ClosureSummary, p.Version,
        p.Measures.OrderBy(m => m.DueOn).ThenBy(m => m.OwnerName, StringComparer.Ordinal).Select(m => MeasureOf(m, p, actor, today, calendar)).ToList(),
        p.Checks.OrderBy(x => x.CheckedOn).Select(x => new CheckView(x.Id, x.CheckedOn, x.CheckerName, x.Finding, x.Satisfactory, x.Satisfactory ? "整改到位" : "尚未到位")).ToList(),
        p.Measures.Count(m => CorrectionRules.IsOverdue(m, today)),
        p.Status == PlanStatus.Open ? CorrectionRules.WhyNotClosable(p) : null);

    private static MeasureView MeasureOf(RectificationMeasure m, RectificationPlan p, Actor actor, DateOnly today, WorkingDayCalendar calendar)
    {
        var state = CorrectionRules.StateOf(m, today, calendar);
        return new MeasureView(
            m.Id, m.Text, m.OwnerPersonId, m.OwnerName, m.WorkingDays, m.DueOn, m.DueProvisionalReason, m.DoneOn, m.Evidence, state, state.Chinese(),
            CorrectionRules.DeadlineOf(m, today, calendar),
            p.Status == PlanStatus.Open && m.DoneOn is null && actor.PersonId == m.OwnerPersonId);
    }

    /// <summary>How far a matter's correction has come: talks, letters, the analysis and the plan (null when none yet).</summary>
    public sealed record Progress(int Talks, int Letters, bool Analysed, RectificationPlan? Plan)
    {
        public static readonly Progress None = new(0, 0, false, null);

        public CorrectionStage Stage => CorrectionRules.StageOf(Talks, Letters, Analysed, Plan?.Status);

        public int MeasuresDone => Plan?.Measures.Count(m => m.DoneOn is not null) ?? 0;

        public int Overdue(DateOnly today) => Plan is { Status: PlanStatus.Open } ? Plan.Measures.Count(m => CorrectionRules.IsOverdue(m, today)) : 0;
    }

    /// <summary>The correction progress of each of the matters (every id present, <see cref="Progress.None"/> when nothing is recorded).</summary>
    public static async Task<IReadOnlyDictionary<Guid, Progress>> ProgressAsync(SafeHarborDb db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var talks = (await db.Set<CorrectionTalk>().AsNoTracking().Where(t => ids.Contains(t.CaseId)).Select(t => t.CaseId).ToListAsync(ct))
            .CountBy(x => x).ToDictionary();
        var letters = (await db.Set<ReminderLetterSent>().AsNoTracking().Where(l => ids.Contains(l.CaseId)).Select(l => l.CaseId).ToListAsync(ct))
            .CountBy(x => x).ToDictionary();
        var analysed = (await db.Set<CauseAnalysis>().AsNoTracking().Where(a => ids.Contains(a.CaseId)).Select(a => a.CaseId).ToListAsync(ct)).ToHashSet();
        var plans = await db.Set<RectificationPlan>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToDictionaryAsync(p => p.CaseId, ct);
        return ids.Distinct().ToDictionary(id => id, id => new Progress(
            talks.GetValueOrDefault(id), letters.GetValueOrDefault(id), analysed.Contains(id), plans.GetValueOrDefault(id)));
    }

    /// <summary>Every exempted or mitigated case the actor may see, with how far its correction has come.</summary>
    public static async Task<IReadOnlyList<ListItem>> ListAsync(Actor actor, SafeHarborDb db, PolicyCatalog policies, DateOnly today, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor))
            .Where(CorrectionRules.CallsForCorrection)
            .ToListAsync(ct);
        var progress = await ProgressAsync(db, cases.Select(c => c.Id).ToList(), ct);
        return cases
            .OrderByDescending(c => c.Decision!.DecidedOn).ThenByDescending(c => c.Number, StringComparer.Ordinal)
            .Select(c =>
            {
                var p = progress[c.Id];
                return new ListItem(
                    c.Id, c.Number, c.Title, string.Join("、", c.Subjects.Select(s => s.Name)),
                    c.Decision!.Outcome, policies.Get(c.PolicyId).OutcomeName(c.Decision.Outcome), c.Decision.DecidedOn, c.Status, c.Status.Chinese(),
                    p.Talks, p.Letters, p.Analysed,
                    p.Plan?.Status, p.Plan?.Status.Chinese() ?? "未制定",
                    p.Plan?.Measures.Count ?? 0, p.MeasuresDone, p.Overdue(today),
                    p.Stage, p.Stage.Chinese());
            })
            .ToList();
    }

    /// <summary>The measures the actor owns, open ones first by due date.</summary>
    public static async Task<IReadOnlyList<MyMeasure>> MyMeasuresAsync(Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        if (actor.PersonId is not { } me)
        {
            return [];
        }
        var plans = await db.Set<RectificationPlan>().AsNoTracking().Where(p => p.Measures.Any(m => m.OwnerPersonId == me)).ToListAsync(ct);
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var visible = (await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return plans
            .SelectMany(p => p.Measures.Where(m => m.OwnerPersonId == me).Select(m => (p, m)))
            .Select(x =>
            {
                var state = CorrectionRules.StateOf(x.m, today, calendar);
                var c = cases[x.p.CaseId];
                return new MyMeasure(
                    c.Id, c.Number, c.Title, visible.Contains(c.Id), x.m.Id, x.m.Text, x.m.WorkingDays, x.m.DueOn, x.m.DueProvisionalReason, x.m.DoneOn, x.m.Evidence,
                    state, state.Chinese(), CorrectionRules.DeadlineOf(x.m, today, calendar), x.p.Status == PlanStatus.Closed, x.p.Version);
            })
            .OrderBy(m => m.DoneOn is null ? 0 : 1).ThenBy(m => m.DueOn).ThenBy(m => m.CaseNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Measures of open plans past their due date on <paramref name="today"/>, with counts per unit of the owner.</summary>
    public static async Task<OverdueSummary> OverdueAsync(SafeHarborDb db, DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.Set<RectificationPlan>().AsNoTracking()
            .Where(p => p.Status == PlanStatus.Open && p.Measures.Any(m => m.DoneOn == null && m.DueOn < today))
            .ToListAsync(ct);
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var ownerIds = plans.SelectMany(p => p.Measures).Select(m => m.OwnerPersonId).Distinct().ToList();
        var ownerUnits = await db.Persons.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = plans
            .SelectMany(p => p.Measures.Where(m => CorrectionRules.IsOverdue(m, today)).Select(m =>
            {
                Guid? unit = ownerUnits.TryGetValue(m.OwnerPersonId, out var u) ? u : null;
                return (Plan: p.Id, Item: new OverdueMeasure(
                    p.CaseId, numbers.GetValueOrDefault(p.CaseId) ?? "", m.Id, m.Text, m.OwnerPersonId, m.OwnerName,
                    unit, unit is { } id ? unitNames.GetValueOrDefault(id) ?? "" : "（人员已不在册）", m.DueOn, m.DueProvisionalReason));
            }))
            .ToList();
        var byUnit = items
            .GroupBy(x => (x.Item.OwnerUnitId, x.Item.OwnerUnitName))
            .Select(g => new UnitOverdue(g.Key.OwnerUnitId, g.Key.OwnerUnitName, g.Count(), g.Select(x => x.Plan).Distinct().Count()))
            .OrderByDescending(u => u.Measures).ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return new OverdueSummary(
            items.Count, items.Select(x => x.Plan).Distinct().Count(), byUnit,
            items.Select(x => x.Item).OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ToList());
    }
}
