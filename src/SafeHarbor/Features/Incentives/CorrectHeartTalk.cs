using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// Corrects a talk: the same rules as recording it (<see cref="RecordHeartTalk"/>), by whoever may record a talk for the
/// person's unit (before and after the change). A <see cref="RecordHeartTalk.Request.TalkerPersonId"/> left out keeps
/// the talker on record.
/// </summary>
public static class CorrectHeartTalk
{
    public static Task<IncentiveQueries.TalkView> HandleAsync(Guid id, int? expectedVersion, RecordHeartTalk.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordHeartTalk.RequireDuty(actor);
            var (talk, formerPerson) = await IncentiveRules.LoadTalkAsync(ctx, id, expectedVersion, ct);
            var (person, talker) = await RecordHeartTalk.ValidateAsync(ctx, r, r.TalkerPersonId ?? talk.TalkerPersonId, ct, keptTalkerId: talk.TalkerPersonId);
            var topics = r.Topics!.Trim();
            var followUp = IncentiveRules.Optional(r.FollowUp);
            // Who with whom and when, as for the recording; of the topics and follow-up only that they changed.
            var changes = new IncentiveRules.Changes()
                .Add("谈话对象", formerPerson.Name, person.Name)
                .Add("谈话日期", talk.HeldOn, r.HeldOn!.Value)
                .Add("谈话人", talk.TalkerName, talker.Name)
                .Changed("谈话主要内容", talk.Topics != topics)
                .Changed("后续跟进", talk.FollowUp != followUp);
            if (changes.Any)
            {
                talk.PersonId = person.Id;
                talk.HeldOn = r.HeldOn!.Value;
                talk.TalkerPersonId = talker.Id;
                talk.TalkerName = talker.Name;
                talk.Topics = topics;
                talk.FollowUp = followUp;
                talk.Version++;
                ctx.Audit("CorrectHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                    new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, changes = changes.Items });
            }
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);
}
