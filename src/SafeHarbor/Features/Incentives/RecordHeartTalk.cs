using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>Art. 13: records a heart-to-heart talk (谈心谈话) with a person, held by the recorder or by another.</summary>
public static class RecordHeartTalk
{
    /// <param name="TalkerPersonId">The person who held the talk; the recorder themself when not given.</param>
    public sealed record Request(Guid? PersonId, DateOnly? HeldOn, Guid? TalkerPersonId, string? Topics, string? FollowUp);

    public static Task<IncentiveQueries.TalkView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireDuty(actor);
            var (person, talker) = await ValidateAsync(ctx, r, r.TalkerPersonId ?? actor.PersonId, ct);
            var talk = new HeartTalk
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                HeldOn = r.HeldOn!.Value,
                TalkerPersonId = talker.Id,
                TalkerName = talker.Name,
                Topics = r.Topics!.Trim(),
                FollowUp = IncentiveRules.Optional(r.FollowUp),
                RecordedBy = actor.UserId,
                Version = 1,
            };
            ctx.Db.Add(talk);
            // The audit entry says who talked with whom and when; the topics stay in the record (the audit trail is read by the audit administrator).
            ctx.Audit("RecordHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, talk.TalkerPersonId });
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);

    /// <summary>Recording, correcting and withdrawing talks is the duty of the bureau-wide recorders and of leaders for their units.</summary>
    internal static void RequireDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordTalks(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "谈心谈话由局党组成员、局办公室、人事科登记；单位负责人可登记与所分管单位人员的谈话。");
        }
    }

    /// <summary>The fields of a talk, and the actor's right to record a talk with this person held by this talker.</summary>
    /// <param name="keptTalkerId">On a correction, the talker on record: a leader may correct a talk another held (say a party
    /// group member) without the talker being of his units; naming a new talker is held to the rule of recording.</param>
    internal static async Task<(Person Person, Person Talker)> ValidateAsync(
        CommandContext ctx, Request r, Guid? talkerId, CancellationToken ct, Guid? keptTalkerId = null)
    {
        var actor = ctx.Actor;
        var v = new Validation()
            .Require(r.PersonId is not null, "personId", "请选择谈话对象。")
            .Require(talkerId is not null, "talkerPersonId", "请选择谈话人。");
        IncentiveRules.RequireDate(v, r.HeldOn, ctx.Today, "heldOn", "谈话日期");
        v.RequireText(r.Topics, "topics", "谈话主要内容", 3000)
            .Require(r.FollowUp is null || r.FollowUp.Length <= 2000, "followUp", "后续跟进不能超过 2000 个字。");
        var person = r.PersonId is { } pid ? await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var talker = talkerId is { } tid ? await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == tid, ct) : null;
        v.Require(r.PersonId is null || person is not null, "personId", "谈话对象不存在。")
            .Require(talkerId is null || talker is not null, "talkerPersonId", "谈话人不存在。")
            .Require(person is null || talker is null || person.Id != talker.Id, "talkerPersonId", "谈话人与谈话对象不能是同一人。");
        v.ThrowIfInvalid();
        if (!IncentiveAccess.MayRecordTalkIn(actor, person!.UnitId))
        {
            throw DomainException.Forbidden("not-your-unit", $"{person.Name}不在您分管的单位，您不能登记与其的谈心谈话。");
        }
        if (!IncentiveAccess.ReadsAll(actor) && talker!.Id != keptTalkerId && !actor.OverseenUnitIds.Contains(talker.UnitId))
        {
            throw DomainException.Forbidden("not-your-unit", "谈话人须为您本人或您所分管单位的人员。");
        }
        return (person, talker!);
    }
}
