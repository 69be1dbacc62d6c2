using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>The secretary records who attended and why the others were absent; the quorum follows from it.</summary>
public static class RecordAttendance
{
    public sealed record AttendanceEntry(Guid PersonId, bool Present, string? AbsenceReason);

    public sealed record AttendanceRequest(IReadOnlyList<AttendanceEntry>? Members);

    public static Task<bool> HandleAsync(Guid meetingId, AttendanceRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            MeetingRules.RequireSecretariat(actor, policy);
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            StepDates.EnsureMeetingHeld(meeting.HeldOn, ctx.Today, "登记出席情况");
            var entries = r.Members ?? [];
            var v = new Validation()
                .Require(meeting.Votes.Count == 0, "members", "会议已开始表决，不能再修改出席情况。")
                .Require(entries.Select(e => e.PersonId).Distinct().Count() == entries.Count, "members", "出席名单有重复人员。")
                .Require(meeting.Members.All(m => entries.Any(e => e.PersonId == m.PersonId)), "members", "请为每一名应到会成员登记出席或缺席。")
                .Require(entries.All(e => meeting.Members.Any(m => m.PersonId == e.PersonId)), "members", "出席名单中有非应到会成员。");
            foreach (var (e, i) in entries.Select((e, i) => (e, i)))
            {
                v.Require(e.Present || !string.IsNullOrWhiteSpace(e.AbsenceReason), $"members[{i}].absenceReason", "请填写缺席原因。");
            }
            v.ThrowIfInvalid();
            foreach (var m in meeting.Members)
            {
                var e = entries.Single(x => x.PersonId == m.PersonId);
                m.Present = e.Present;
                m.AbsenceReason = e.Present ? null : e.AbsenceReason!.Trim();
            }
            meeting.AttendanceRecorded = true;
            var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
            ctx.Audit("RecordAttendance", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat), new
            {
                present = meeting.Members.Where(m => m.Present).Select(m => m.Name).ToArray(),
                absent = meeting.Members.Where(m => !m.Present).Select(m => $"{m.Name}（{m.AbsenceReason}）").ToArray(),
                quorum = quorum.Message,
            });
            return true;
        }, ct);
}
