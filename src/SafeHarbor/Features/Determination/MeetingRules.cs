using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>What the meeting's use cases share: who keeps the record, the open meeting, the agenda, and how votes are taken and kept.</summary>
internal static class MeetingRules
{
    public const string InvalidChoice = "表决选项不在本办法规定的认定结果之内。";

    public static void RequireSecretariat(Actor actor, PolicyVersion policy)
    {
        if (!policy.RolesFor(Duty.Secretariat).Any(actor.Has))
        {
            throw DomainException.Forbidden("not-your-duty", $"会议记录由{policy.BodyFor(Duty.Secretariat)}办理，您当前的角色不能办理。");
        }
    }

    public static async Task<Meeting> LoadOpenMeetingAsync(CommandContext ctx, Guid id, CancellationToken ct)
    {
        var meeting = await ctx.Db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw DomainException.NotFound("meeting-not-found", "找不到该会议。");
        meeting.EnsureOpen();
        return meeting;
    }

    public static void RequireOnAgenda(Meeting meeting, Case c)
    {
        if (meeting.Agenda.All(a => a.CaseId != c.Id) || c.MeetingId != meeting.Id)
        {
            throw DomainException.Conflict("not-on-agenda", $"案件 {c.Number} 不在本次会议的议题中。");
        }
    }

    /// <summary>Records a member's vote, replacing an earlier one; the audit keeps the vote replaced and why (<paramref name="correction"/>, only when one is replaced).</summary>
    public static void RecordVote(Meeting meeting, Case c, MeetingMember member, VoteChoice choice, string method, string? correction,
        Actor actor, CaseAction action, PolicyVersion policy, DateTimeOffset now)
    {
        var existing = meeting.Votes.FirstOrDefault(x => x.CaseId == c.Id && x.PersonId == member.PersonId);
        if (existing is not null)
        {
            meeting.Votes.Remove(existing);
        }
        meeting.Votes.Add(new Vote { CaseId = c.Id, PersonId = member.PersonId, Choice = choice, CastAt = now });
        c.Record(action, actor, policy, now, new Dictionary<string, object?>
        {
            ["member"] = member.Name, ["choice"] = choice.Chinese(), ["method"] = method,
            ["previous"] = existing?.Choice.Chinese(), ["correctionReason"] = existing is null ? null : correction,
        });
    }

    /// <summary>Votes are taken on or after the meeting's date, once attendance is recorded and the quorum reached.</summary>
    public static void EnsureVoting(Meeting meeting, PolicyVersion policy, DateOnly today, string what)
    {
        StepDates.EnsureMeetingHeld(meeting.HeldOn, today, what);
        if (!meeting.AttendanceRecorded)
        {
            throw DomainException.Conflict("attendance-not-recorded", "请先登记出席情况，再进行表决。");
        }
        var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
        if (!quorum.Reached)
        {
            throw DomainException.Conflict("no-quorum", quorum.Message);
        }
    }

    public static bool IsAllowedChoice(PolicyVersion policy, VoteChoice choice) =>
        Enum.IsDefined(choice) && (choice == VoteChoice.Abstain || policy.AllowsOutcome(ToOutcome(choice)));

    public static void EnsureChoice(PolicyVersion policy, VoteChoice choice)
    {
        if (!IsAllowedChoice(policy, choice))
        {
            throw DomainException.Invalid("invalid-choice", InvalidChoice);
        }
    }

    private static Outcome ToOutcome(VoteChoice choice) => choice switch
    {
        VoteChoice.Exempted => Outcome.Exempted,
        VoteChoice.Mitigated => Outcome.Mitigated,
        _ => Outcome.NotExempted,
    };
}
