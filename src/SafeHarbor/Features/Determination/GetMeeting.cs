using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>One meeting: attendance, quorum, and each case on the agenda with its recusals, votes, advice and decision.</summary>
public static class GetMeeting
{
    public sealed record MemberView(Guid PersonId, string Name, bool Present, string? AbsenceReason);

    public sealed record VoteView(Guid PersonId, string Name, VoteChoice Choice, string ChoiceName);

    /// <param name="ReportRecommendation">调查报告的建议.</param>
    /// <param name="Advice">The system's advice on the verified findings.</param>
    /// <param name="BindingExclusions">Verified exclusions that rule out 予以容错免责 (Art. 4, Art. 10).</param>
    /// <param name="NoDecisionForms">Every member who may vote has voted and no outcome has the votes it needs: the page offers 暂缓研究 and the next meeting.</param>
    public sealed record AgendaView(
        Guid CaseId, string CaseNumber, string Title, CaseStatus Status, string StatusName, int Version,
        IReadOnlyList<MemberView> Recused, IReadOnlyList<VoteView> Votes, IReadOnlyDictionary<string, int> Tally,
        string? Outcome, string? Reasons, string? DepartureReason,
        string? ReportRecommendation, string Advice, IReadOnlyList<string> BindingExclusions, bool NoDecisionForms);

    public sealed record MeetingView(
        Guid Id, string Title, DateOnly HeldOn, string Place, MeetingStatus Status, bool AttendanceRecorded,
        IReadOnlyList<MemberView> Members, QuorumCheck Quorum, IReadOnlyList<AgendaView> Agenda);

    public static async Task<MeetingView> HandleAsync(SafeHarborDb db, PolicyCatalog policies, Guid id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw DomainException.NotFound("meeting-not-found", "找不到该会议。");
        var caseIds = meeting.Agenda.Select(a => a.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var policy = cases.Values.Select(c => policies.Get(c.PolicyId)).FirstOrDefault() ?? policies.InForceOn(meeting.HeldOn);
        var names = meeting.Members.ToDictionary(m => m.PersonId, m => m.Name);
        var agenda = new List<AgendaView>();
        foreach (var c in meeting.Agenda.OrderBy(a => a.Order).Where(a => cases.ContainsKey(a.CaseId)).Select(a => cases[a.CaseId]))
        {
            var casePolicy = policies.Get(c.PolicyId);
            var votes = meeting.Votes.Where(x => x.CaseId == c.Id).OrderBy(x => x.CastAt)
                .Select(x => new VoteView(x.PersonId, names.GetValueOrDefault(x.PersonId, ""), x.Choice, x.Choice.Chinese())).ToList();
            var tally = Enum.GetValues<VoteChoice>().ToDictionary(ch => ch.ToString(), ch => votes.Count(x => x.Choice == ch));
            var recused = meeting.Recusals.Where(x => x.CaseId == c.Id)
                .Select(x => new MemberView(x.PersonId, names.GetValueOrDefault(x.PersonId, ""), false, x.Reason)).ToList();
            var decided = c.Decision is { } d && d.MeetingId == meeting.Id ? c.Decision : null;
            var advice = await CaseAdvice.ForAsync(db, c, casePolicy, AdviceStage.Verified, ct);
            var mayVote = meeting.Members.Count(m => m.Present && recused.All(r => r.PersonId != m.PersonId));
            var noDecision = c.Status == CaseStatus.Scheduled && meeting.AttendanceRecorded && votes.Count >= mayVote
                && casePolicy.Outcomes.All(o => !DecisionTally.Passing(casePolicy.Decision, o.Code, o.Name,
                    votes.Count(x => x.Choice == o.Code.ToVote()), meeting.Entitled, meeting.Present).Passed);
            agenda.Add(new AgendaView(c.Id, c.Number, c.Title, c.Status, c.Status.Chinese(), c.Version, recused, votes, tally,
                decided is null ? null : casePolicy.OutcomeName(decided.Outcome), decided?.Reasons, decided?.DepartureReason,
                c.Report is { } r ? casePolicy.OutcomeName(r.Recommendation) : null, advice.Recommendation.Chinese(),
                advice.BindingExclusions.Select(b => $"{b.Article}“{b.Title}”").ToList(), noDecision));
        }
        return new MeetingView(meeting.Id, meeting.Title, meeting.HeldOn, meeting.Place, meeting.Status, meeting.AttendanceRecorded,
            meeting.Members.OrderBy(m => m.Order).Select(m => new MemberView(m.PersonId, m.Name, m.Present, m.AbsenceReason)).ToList(),
            DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present), agenda);
    }
}
