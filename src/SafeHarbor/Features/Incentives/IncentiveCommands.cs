using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>Art. 13: records heart-to-heart talks, commendations and special awards, and support measures for front-line staff.</summary>
public static class IncentiveCommands
{
    /// <param name="TalkerPersonId">The person who held the talk; the recorder themself when not given.</param>
    public sealed record TalkRequest(Guid? PersonId, DateOnly? HeldOn, Guid? TalkerPersonId, string? Topics, string? FollowUp);

    /// <summary>To a person or to a unit, one of the two.</summary>
    public sealed record CommendationRequest(
        CommendationKind? Kind, Guid? PersonId, Guid? UnitId, string? Title, string? Basis, string? AwardedBy, DateOnly? AwardedOn);

    /// <summary>To a front-line person or an enforcement unit, one of the two; <see cref="Kind"/> one of <see cref="IncentiveAccess.SupportKinds"/>.</summary>
    public sealed record SupportMeasureRequest(string? Kind, Guid? PersonId, Guid? UnitId, string? Description, DateOnly? ProvidedOn);

    /// <summary>The earliest date a record may carry: a typo like 0026 is refused rather than stored.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static Task<IncentiveQueries.TalkView> RecordTalkAsync(TalkRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!IncentiveAccess.MayRecordTalks(actor))
            {
                throw DomainException.Forbidden("not-your-duty", "谈心谈话由局党组成员、局办公室、人事科登记；单位负责人可登记与所分管单位人员的谈话。");
            }
            var talkerId = r.TalkerPersonId ?? actor.PersonId;
            var v = new Validation()
                .Require(r.PersonId is not null, "personId", "请选择谈话对象。")
                .Require(talkerId is not null, "talkerPersonId", "请选择谈话人。");
            RequireDate(v, r.HeldOn, ctx.Today, "heldOn", "谈话日期");
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
            if (!IncentiveAccess.ReadsAll(actor) && !actor.OverseenUnitIds.Contains(talker!.UnitId))
            {
                throw DomainException.Forbidden("not-your-unit", "谈话人须为您本人或您所分管单位的人员。");
            }
            var talk = new HeartTalk
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                HeldOn = r.HeldOn!.Value,
                TalkerPersonId = talker!.Id,
                TalkerName = talker.Name,
                Topics = r.Topics!.Trim(),
                FollowUp = string.IsNullOrWhiteSpace(r.FollowUp) ? null : r.FollowUp.Trim(),
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(talk);
            // The audit entry says who talked with whom and when; the topics stay in the record (the audit trail is read by the audit administrator).
            ctx.Audit("RecordHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, talk.TalkerPersonId });
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);

    public static Task<IncentiveQueries.CommendationView> RecordCommendationAsync(CommendationRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!IncentiveAccess.MayRecordAwards(actor))
            {
                throw DomainException.Forbidden("not-your-duty", "平时激励和专项表彰奖励由人事科登记。");
            }
            var v = new Validation()
                .Require(r.Kind is { } k && Enum.IsDefined(k), "kind", "请选择激励类别（平时激励或专项表彰奖励）。");
            await RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: false, "受表彰", ct);
            v.RequireText(r.Title, "title", "表彰奖励名称", 200)
                .RequireText(r.Basis, "basis", "表彰依据", 2000)
                .RequireText(r.AwardedBy, "awardedBy", "授予机关", 100);
            RequireDate(v, r.AwardedOn, ctx.Today, "awardedOn", "授予日期");
            v.ThrowIfInvalid();
            var commendation = new Commendation
            {
                Id = Guid.NewGuid(),
                Kind = r.Kind!.Value,
                PersonId = r.PersonId,
                UnitId = r.UnitId,
                Title = r.Title!.Trim(),
                Basis = r.Basis!.Trim(),
                AwardedBy = r.AwardedBy!.Trim(),
                AwardedOn = r.AwardedOn!.Value,
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(commendation);
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            ctx.Audit("RecordCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = commendation.Kind.Chinese(), recipient = view.RecipientName, commendation.PersonId, commendation.UnitId, commendation.Title, commendation.Basis, commendation.AwardedBy, awardedOn = commendation.AwardedOn });
            return view;
        }, ct);

    public static Task<IncentiveQueries.SupportMeasureView> RecordSupportMeasureAsync(SupportMeasureRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!IncentiveAccess.MayRecordAwards(actor))
            {
                throw DomainException.Forbidden("not-your-duty", "一线执法人员支持保障措施由人事科登记。");
            }
            var kind = r.Kind?.Trim();
            var v = new Validation()
                .Require(kind is not null && IncentiveAccess.SupportKinds.Contains(kind), "kind", $"请选择措施类别：{string.Join("、", IncentiveAccess.SupportKinds)}。");
            await RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: true, "支持保障", ct);
            v.RequireText(r.Description, "description", "措施内容", 2000);
            RequireDate(v, r.ProvidedOn, ctx.Today, "providedOn", "落实日期");
            v.ThrowIfInvalid();
            var measure = new SupportMeasure
            {
                Id = Guid.NewGuid(),
                PersonId = r.PersonId,
                UnitId = r.UnitId,
                Kind = kind!,
                Description = r.Description!.Trim(),
                ProvidedOn = r.ProvidedOn!.Value,
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(measure);
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            ctx.Audit("RecordSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, measure.PersonId, measure.UnitId, measure.Description, providedOn = measure.ProvidedOn });
            return view;
        }, ct);

    private static void RequireDate(Validation v, DateOnly? date, DateOnly today, string field, string label) =>
        v.Require(date is not null, field, $"请填写{label}。")
            .Require(date is null || date <= today, field, $"{label}不能晚于今天（{today:yyyy-MM-dd}）。")
            .Require(date is null || date >= EarliestDate, field, $"{label}不能早于 {EarliestDate:yyyy-MM-dd}。");

    /// <summary>
    /// A person or a unit, exactly one: a record for a person counts for the person's unit anyway, and
    /// naming both would let the two disagree. Support measures go to front-line staff and enforcement units.
    /// </summary>
    private static async Task RequireRecipientAsync(Validation v, SafeHarborDb db, Guid? personId, Guid? unitId, bool frontLineOnly, string what, CancellationToken ct)
    {
        if (personId is null && unitId is null)
        {
            v.Require(false, "personId", $"请选择{what}的人员或单位。");
            return;
        }
        if (personId is not null && unitId is not null)
        {
            v.Require(false, "unitId", $"{what}对象只能是一名人员或一个单位，请只选其一（给人员的记录自动计入其所在单位）。");
            return;
        }
        if (personId is { } pid)
        {
            var person = await (from p in db.Persons.AsNoTracking()
                                join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                                where p.Id == pid
                                select new { p.Name, p.Post, u.Type }).SingleOrDefaultAsync(ct);
            v.Require(person is not null, "personId", "所选人员不存在。");
            if (person is not null && frontLineOnly)
            {
                v.Require(IncentiveAccess.IsFrontLine(person.Type, person.Post), "personId",
                    $"支持保障措施面向一线执法人员：{person.Name}不在分局、综合支队、县区局等执法单位，岗位也不是执法岗位。");
            }
        }
        if (unitId is { } uid)
        {
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct);
            v.Require(unit is not null, "unitId", "所选单位不存在。");
            if (unit is not null && frontLineOnly)
            {
                v.Require(IncentiveAccess.IsEnforcementUnit(unit.Type), "unitId",
                    $"支持保障措施面向一线执法单位：{unit.Name}（{unit.Type.Chinese()}）不是分局、综合支队或县区局。");
            }
        }
    }
}
