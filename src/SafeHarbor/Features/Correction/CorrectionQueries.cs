using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// The read side of Art. 8: the views its queries (<see cref="GetCorrection"/>, <see cref="ListCorrections"/>,
/// <see cref="ListMyMeasures"/>, <see cref="OverdueMeasures"/>) answer with, and how far each case's correction has come.
/// </summary>
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
}
