using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>Opens a party-group meeting; by default every holder of the vote duty is a member expected to attend.</summary>
public static class OpenMeeting
{
    public sealed record OpenRequest(string? Title, DateOnly? HeldOn, string? Place, IReadOnlyList<Guid>? MemberPersonIds);

    public static Task<Guid> HandleAsync(OpenRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            MeetingRules.RequireSecretariat(actor, policy);
            var v = new Validation()
                .Name(r.Title, "title", "会议名称", 200)
                .Require(r.HeldOn is not null, "heldOn", "请填写会议日期。")
                .RequireText(r.Place, "place", "会议地点", 100);
            var voterRoles = policy.RolesFor(Duty.Vote).Select(x => x.ToString()).ToList();
            var explicitMembers = r.MemberPersonIds is { Count: > 0 };
            var memberIds = explicitMembers
                ? r.MemberPersonIds!.Distinct().ToList()
                : await (from u in ctx.Db.Users
                         join ur in ctx.Db.UserRoles on u.Id equals ur.UserId
                         join role in ctx.Db.Roles on ur.RoleId equals role.Id
                         where voterRoles.Contains(role.Name!) && u.PersonId != null
                         select u.PersonId!.Value).Distinct().ToListAsync(ct);
            var persons = await ctx.Db.Persons.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToListAsync(ct);
            v.Require(memberIds.Count > 0, "memberPersonIds", $"没有{policy.Decision.Body}成员，无法召开会议。");
            v.Require(persons.Count == memberIds.Count, "memberPersonIds", "应到会成员中有不存在的人员。");
            v.ThrowIfInvalid();
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                Title = r.Title!.Trim(),
                HeldOn = r.HeldOn!.Value,
                Place = r.Place!.Trim(),
                CreatedBy = actor.UserId,
                // The order given, or by post (党组书记 before 党组成员) when all members are taken by default.
                Members = (explicitMembers ? persons.OrderBy(p => memberIds.IndexOf(p.Id)) : persons.OrderBy(p => p.Post, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
                    .Select((p, i) => new MeetingMember { PersonId = p.Id, Name = p.Name, Order = i + 1 }).ToList(),
            };
            ctx.Db.Add(meeting);
            ctx.Audit("OpenMeeting", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat),
                new { meeting.Title, meeting.HeldOn, members = meeting.Members.Select(m => m.Name).ToArray() });
            return meeting.Id;
        }, ct);
}
