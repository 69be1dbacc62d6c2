using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Shared;

public sealed record SubjectView(SubjectKind Kind, Guid Id, string Name);

public sealed record ClaimView(string Code, string Article, string Title, string Explanation);

public sealed record ApplicationView(
    SubjectKind ApplicantKind, string ApplicantName, DateOnly SubmittedOn, string Facts, string EffectAndLosses, string RecoveryMeasures,
    IReadOnlyList<ClaimView> Claims);

public sealed record FindingView(string Code, string Article, string Title, Verdict Verdict, string VerdictName, string Note, DateTimeOffset RecordedAt);

public sealed record ReportView(string Text, Outcome Recommendation, string RecommendationName, DateTimeOffset SubmittedAt);

public sealed record DecisionView(
    Outcome Outcome, string OutcomeName, string Reasons, string? Mitigation, DateOnly DecidedOn, Guid MeetingId, string MeetingTitle,
    Recommendation? AdviceAtDecision, string? AdviceName, bool DepartsFromAdvice, string? DepartureReason);

public sealed record ActionView(CaseAction Action, string Name);

/// <summary>
/// The case as every page of its procedure shows it, read from the case alone (no stage's records),
/// so each stage's pages can show it without depending on the others; the case file's API adds the
/// stages' records (<c>CaseFiles.CaseDetail</c>).
/// </summary>
public record CaseView(
    Guid Id, string Number, string PolicyId, string PolicyDocumentNumber, CaseStatus Status, string StatusName, int Version,
    string Title, string Description, string BusinessField, string? WorkItem, string? ErrorKind, string StartedBy, DateOnly AccountabilityStartedOn,
    DeadlineStatus? ApplicationDeadline, DateOnly ApplicationDeadlineDate, bool ApplicationDeadlineProvisional, string? ApplicationDeadlineProvisionalReason,
    IReadOnlyList<SubjectView> Subjects,
    ApplicationView? Application, string? ClosingReason, bool IsRepeat, string? RepeatExplanation,
    IReadOnlyList<FindingView> Findings,
    DateOnly? SupplementDueOn, bool SupplementDueProvisional, string? SupplementDueProvisionalReason,
    ReportView? Report, DecisionView? Decision,
    IReadOnlyList<ActionView> AllowedActions);

public static class CaseViews
{
    /// <summary>
    /// The case as <paramref name="actor"/> may see it (CaseDisclosure: a hidden part is null or empty,
    /// never a placeholder).
    /// </summary>
    public static CaseView Of(Case c, Actor actor, PolicyVersion policy, WorkingDayCalendar calendar, DateOnly today)
    {
        string ItemTitle(string code) => policy.FindFindingItem(code)?.Title ?? code;
        string ItemArticle(string code) => policy.FindFindingItem(code)?.Article ?? "";
        bool Shows(CaseSection section) => actor.Shows(c, section);
        return new CaseView(
            c.Id, c.Number, c.PolicyId, policy.DocumentNumber, c.Status, c.Status.Chinese(), c.Version,
            c.Title, c.Description, c.BusinessField, c.WorkItem, c.ErrorKind, c.StartedBy, c.AccountabilityStartedOn,
            c.Status == CaseStatus.Registered ? Deadlines.TryStatus(c.ApplicationDue, today, calendar) : null, c.ApplicationDeadline,
            c.ApplicationDeadlineProvisionalReason is not null, c.ApplicationDeadlineProvisionalReason,
            c.Subjects.Select(s => new SubjectView(s.Kind, s.Kind == SubjectKind.Person ? s.PersonId!.Value : s.UnitId!.Value, s.Name)).ToList(),
            c.Application is { } a
                ? new ApplicationView(a.ApplicantKind, a.ApplicantName, a.SubmittedOn, a.Facts, a.EffectAndLosses, a.RecoveryMeasures,
                    c.Claims.Select(x => new ClaimView(x.ItemCode, ItemArticle(x.ItemCode), ItemTitle(x.ItemCode), x.Explanation)).ToList())
                : null,
            c.ClosingReason, Shows(CaseSection.Advice) && c.IsRepeat, Shows(CaseSection.Advice) ? c.RepeatExplanation : null,
            Shows(CaseSection.Findings)
                ? c.Findings.Select(f => new FindingView(f.ItemCode, ItemArticle(f.ItemCode), ItemTitle(f.ItemCode), f.Verdict, f.Verdict.Chinese(), f.Note, f.RecordedAt)).ToList()
                : [],
            c.SupplementDueOn, c.SupplementDueProvisionalReason is not null, c.SupplementDueProvisionalReason,
            c.Report is { } r && Shows(CaseSection.Report) ? new ReportView(r.Text, r.Recommendation, policy.OutcomeName(r.Recommendation), r.SubmittedAt) : null,
            c.Decision is { } dec && Shows(CaseSection.Decision)
                ? new DecisionView(dec.Outcome, policy.OutcomeName(dec.Outcome), dec.Reasons, dec.Mitigation, dec.DecidedOn, dec.MeetingId, dec.MeetingTitle,
                    Shows(CaseSection.Advice) ? dec.AdviceAtDecision : null, Shows(CaseSection.Advice) ? dec.AdviceAtDecision.Chinese() : null,
                    Shows(CaseSection.Advice) && dec.AdviceAtDecision != Recommendation.NeedsJudgement && dec.AdviceAtDecision != dec.Outcome.ToRecommendation(),
                    dec.DepartureReason)
                : null,
            c.ActionsAllowedFor(actor, policy).Select(x => new ActionView(x, x.Chinese())).ToList());
    }
}
