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

    /// <summary>Why a record is withdrawn (撤销): required, it stays with the record.</summary>
    public sealed record WithdrawalRequest(string? Reason);

    /// <summary>The earliest date a record may carry: a typo like 0026 is refused rather than stored.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public const int MaxReasonLength = 500;

    public static Task<IncentiveQueries.TalkView> RecordTalkAsync(TalkRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireTalkDuty(actor);
            var (person, talker) = await ValidateTalkAsync(ctx, r, r.TalkerPersonId ?? actor.PersonId, ct);
            var talk = new HeartTalk
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                HeldOn = r.HeldOn!.Value,
                TalkerPersonId = talker.Id,
                TalkerName = talker.Name,
                Topics = r.Topics!.Trim(),
                FollowUp = Optional(r.FollowUp),
                RecordedBy = actor.UserId,
                Version = 1,
            };
            ctx.Db.Add(talk);
            // The audit entry says who talked with whom and when; the topics stay in the record (the audit trail is read by the audit administrator).
            ctx.Audit("RecordHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, talk.TalkerPersonId });
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);

    /// <summary>
    /// Corrects a talk: the same rules as recording it, by whoever may record a talk for the person's unit (before
    /// and after the change). A <see cref="TalkRequest.TalkerPersonId"/> left out keeps the talker on record.
    /// </summary>
    public static Task<IncentiveQueries.TalkView> CorrectTalkAsync(Guid id, int? expectedVersion, TalkRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireTalkDuty(actor);
            var (talk, formerPerson) = await LoadTalkAsync(ctx, id, expectedVersion, ct);
            var (person, talker) = await ValidateTalkAsync(ctx, r, r.TalkerPersonId ?? talk.TalkerPersonId, ct, keptTalkerId: talk.TalkerPersonId);
            var topics = r.Topics!.Trim();
            var followUp = Optional(r.FollowUp);
            // Who with whom and when, as for the recording; of the topics and follow-up only that they changed.
            var changes = new Changes()
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

    /// <summary>Withdraws (撤销) a talk recorded in error: it stays on record with the reason and counts nowhere.</summary>
    public static Task<IncentiveQueries.TalkView> WithdrawTalkAsync(Guid id, int? expectedVersion, WithdrawalRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireTalkDuty(actor);
            var (talk, person) = await LoadTalkAsync(ctx, id, expectedVersion, ct);
            var reason = RequireReason(r);
            Withdraw(ctx, talk, reason);
            ctx.Audit("WithdrawHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, reason });
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);

    public static Task<IncentiveQueries.CommendationView> RecordCommendationAsync(CommendationRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireCommendationDuty(actor);
            await ValidateCommendationAsync(ctx, r, ct);
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
                Version = 1,
            };
            ctx.Db.Add(commendation);
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            ctx.Audit("RecordCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = commendation.Kind.Chinese(), recipient = view.RecipientName, commendation.PersonId, commendation.UnitId, commendation.Title, commendation.Basis, commendation.AwardedBy, awardedOn = commendation.AwardedOn });
            return view;
        }, ct);

    /// <summary>Corrects a commendation or special award (人事科), with the same rules as recording it.</summary>
    public static Task<IncentiveQueries.CommendationView> CorrectCommendationAsync(Guid id, int? expectedVersion, CommendationRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireCommendationDuty(actor);
            var commendation = await LoadOpenAsync<Commendation>(ctx, id, expectedVersion, "表彰奖励记录", ct);
            await ValidateCommendationAsync(ctx, r, ct);
            var before = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            commendation.Kind = r.Kind!.Value;
            commendation.PersonId = r.PersonId;
            commendation.UnitId = r.UnitId;
            commendation.Title = r.Title!.Trim();
            commendation.Basis = r.Basis!.Trim();
            commendation.AwardedBy = r.AwardedBy!.Trim();
            commendation.AwardedOn = r.AwardedOn!.Value;
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            var changes = new Changes()
                .Add("类别", before.KindName, view.KindName)
                .Add("表彰对象", before.RecipientName, view.RecipientName)
                .Add("表彰奖励名称", before.Title, view.Title)
                .Add("表彰依据", before.Basis, view.Basis)
                .Add("授予机关", before.AwardedBy, view.AwardedBy)
                .Add("授予日期", before.AwardedOn, view.AwardedOn);
            if (!changes.Any)
            {
                return before;
            }
            commendation.Version++;
            ctx.Audit("CorrectCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = view.KindName, recipient = view.RecipientName, commendation.Title, changes = changes.Items });
            return view with { Version = commendation.Version };
        }, ct);

    /// <summary>Withdraws (撤销) a commendation recorded in error (人事科): it stays on record with the reason and counts nowhere.</summary>
    public static Task<IncentiveQueries.CommendationView> WithdrawCommendationAsync(Guid id, int? expectedVersion, WithdrawalRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireCommendationDuty(actor);
            var commendation = await LoadOpenAsync<Commendation>(ctx, id, expectedVersion, "表彰奖励记录", ct);
            var reason = RequireReason(r);
            Withdraw(ctx, commendation, reason);
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            ctx.Audit("WithdrawCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = view.KindName, recipient = view.RecipientName, commendation.Title, awardedOn = commendation.AwardedOn, reason });
            return view;
        }, ct);

    public static Task<IncentiveQueries.SupportMeasureView> RecordSupportMeasureAsync(SupportMeasureRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireSupportDuty(actor);
            var kind = await ValidateSupportMeasureAsync(ctx, r, ct);
            var measure = new SupportMeasure
            {
                Id = Guid.NewGuid(),
                PersonId = r.PersonId,
                UnitId = r.UnitId,
                Kind = kind,
                Description = r.Description!.Trim(),
                ProvidedOn = r.ProvidedOn!.Value,
                RecordedBy = actor.UserId,
                Version = 1,
            };
            ctx.Db.Add(measure);
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            ctx.Audit("RecordSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, measure.PersonId, measure.UnitId, measure.Description, providedOn = measure.ProvidedOn });
            return view;
        }, ct);

    /// <summary>Corrects a support measure (人事科), with the same rules as recording it.</summary>
    public static Task<IncentiveQueries.SupportMeasureView> CorrectSupportMeasureAsync(Guid id, int? expectedVersion, SupportMeasureRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireSupportDuty(actor);
            var measure = await LoadOpenAsync<SupportMeasure>(ctx, id, expectedVersion, "支持保障措施记录", ct);
            var kind = await ValidateSupportMeasureAsync(ctx, r, ct);
            var before = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            measure.Kind = kind;
            measure.PersonId = r.PersonId;
            measure.UnitId = r.UnitId;
            measure.Description = r.Description!.Trim();
            measure.ProvidedOn = r.ProvidedOn!.Value;
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            var changes = new Changes()
                .Add("类别", before.Kind, view.Kind)
                .Add("对象", before.RecipientName, view.RecipientName)
                .Add("措施内容", before.Description, view.Description)
                .Add("落实日期", before.ProvidedOn, view.ProvidedOn);
            if (!changes.Any)
            {
                return before;
            }
            measure.Version++;
            ctx.Audit("CorrectSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, changes = changes.Items });
            return view with { Version = measure.Version };
        }, ct);

    /// <summary>Withdraws (撤销) a support measure recorded in error (人事科): it stays on record with the reason and counts nowhere.</summary>
    public static Task<IncentiveQueries.SupportMeasureView> WithdrawSupportMeasureAsync(Guid id, int? expectedVersion, WithdrawalRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireSupportDuty(actor);
            var measure = await LoadOpenAsync<SupportMeasure>(ctx, id, expectedVersion, "支持保障措施记录", ct);
            var reason = RequireReason(r);
            Withdraw(ctx, measure, reason);
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            ctx.Audit("WithdrawSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, providedOn = measure.ProvidedOn, reason });
            return view;
        }, ct);

    private static void RequireTalkDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordTalks(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "谈心谈话由局党组成员、局办公室、人事科登记；单位负责人可登记与所分管单位人员的谈话。");
        }
    }

    private static void RequireCommendationDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordAwards(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "平时激励和专项表彰奖励由人事科登记。");
        }
    }

    private static void RequireSupportDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordAwards(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "一线执法人员支持保障措施由人事科登记。");
        }
    }

    /// <summary>The fields of a talk, and the actor's right to record a talk with this person held by this talker.</summary>
    /// <param name="keptTalkerId">On a correction, the talker on record: a leader may correct a talk another held (say a party
    /// group member) without the talker being of his units; naming a new talker is held to the rule of recording.</param>
    private static async Task<(Person Person, Person Talker)> ValidateTalkAsync(
        CommandContext ctx, TalkRequest r, Guid? talkerId, CancellationToken ct, Guid? keptTalkerId = null)
    {
        var actor = ctx.Actor;
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
        if (!IncentiveAccess.ReadsAll(actor) && talker!.Id != keptTalkerId && !actor.OverseenUnitIds.Contains(talker.UnitId))
        {
            throw DomainException.Forbidden("not-your-unit", "谈话人须为您本人或您所分管单位的人员。");
        }
        return (person, talker!);
    }

    /// <summary>A talk the actor may change, with the person talked with, still in force and at the version the actor saw.</summary>
    private static async Task<(HeartTalk Talk, Person Person)> LoadTalkAsync(CommandContext ctx, Guid id, int? expectedVersion, CancellationToken ct)
    {
        var talk = await FindAsync<HeartTalk>(ctx, id, "谈心谈话记录", ct);
        var person = await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == talk.PersonId, ct);
        if (person is null || !IncentiveAccess.MayChangeTalk(ctx.Actor, talk, person.UnitId))
        {
            throw DomainException.Forbidden("not-your-unit", person is not null && ctx.Actor.PersonId == person.Id
                ? "与您本人的谈心谈话记录不能由您修改或撤销。"
                : $"{person?.Name ?? "谈话对象"}不在您分管的单位，您不能修改或撤销与其的谈心谈话记录。");
        }
        EnsureOpen(talk, expectedVersion, "谈心谈话记录");
        return (talk, person);
    }

    private static async Task<T> LoadOpenAsync<T>(CommandContext ctx, Guid id, int? expectedVersion, string what, CancellationToken ct)
        where T : class, IIncentiveRecord
    {
        var record = await FindAsync<T>(ctx, id, what, ct);
        EnsureOpen(record, expectedVersion, what);
        return record;
    }

    private static async Task<T> FindAsync<T>(CommandContext ctx, Guid id, string what, CancellationToken ct)
        where T : class, IIncentiveRecord =>
        await ctx.Db.Set<T>().SingleOrDefaultAsync(x => x.Id == id, ct)
        ?? throw DomainException.NotFound("record-not-found", $"找不到该{what}。");

    /// <summary>A withdrawn record is final; a change made on a stale version is refused before anything is written.</summary>
    private static void EnsureOpen(IIncentiveRecord record, int? expectedVersion, string what)
    {
        if (record.WithdrawnOn is { } on)
        {
            throw DomainException.Conflict("record-withdrawn", $"该{what}已于 {on:yyyy-MM-dd} 撤销，不能再修改或撤销。");
        }
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw DomainException.Conflict("concurrency-conflict",
                $"该{what}已被他人修改（您看到的是第 {expected} 版，当前为第 {record.Version} 版），您的操作未保存。请刷新后重新提交。");
        }
    }

    private static string RequireReason(WithdrawalRequest r)
    {
        new Validation().RequireText(r.Reason, "reason", "撤销原因", MaxReasonLength).ThrowIfInvalid();
        return r.Reason!.Trim();
    }

    private static void Withdraw(CommandContext ctx, IIncentiveRecord record, string reason)
    {
        record.WithdrawnOn = ctx.Today;
        record.WithdrawnBy = ctx.Actor.UserId;
        record.WithdrawalReason = reason;
        record.Version++;
    }

    private static async Task ValidateCommendationAsync(CommandContext ctx, CommendationRequest r, CancellationToken ct)
    {
        var v = new Validation()
            .Require(r.Kind is { } k && Enum.IsDefined(k), "kind", "请选择激励类别（平时激励或专项表彰奖励）。");
        await RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: false, "受表彰", ct);
        v.RequireText(r.Title, "title", "表彰奖励名称", 200)
            .RequireText(r.Basis, "basis", "表彰依据", 2000)
            .RequireText(r.AwardedBy, "awardedBy", "授予机关", 100);
        RequireDate(v, r.AwardedOn, ctx.Today, "awardedOn", "授予日期");
        v.ThrowIfInvalid();
    }

    /// <returns>The kind, trimmed.</returns>
    private static async Task<string> ValidateSupportMeasureAsync(CommandContext ctx, SupportMeasureRequest r, CancellationToken ct)
    {
        var kind = r.Kind?.Trim();
        var v = new Validation()
            .Require(kind is not null && IncentiveAccess.SupportKinds.Contains(kind), "kind", $"请选择措施类别：{string.Join("、", IncentiveAccess.SupportKinds)}。");
        await RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: true, "支持保障", ct);
        v.RequireText(r.Description, "description", "措施内容", 2000);
        RequireDate(v, r.ProvidedOn, ctx.Today, "providedOn", "落实日期");
        v.ThrowIfInvalid();
        return kind!;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What a correction changed, field by field (Chinese names), for its audit entry.</summary>
    private sealed class Changes
    {
        private readonly Dictionary<string, object?> items = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, object?> Items => items;

        public bool Any => items.Count > 0;

        public Changes Add<T>(string field, T before, T after)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                items[field] = new { from = before, to = after };
            }
            return this;
        }

        /// <summary>A field whose content stays out of the audit trail: only that it changed.</summary>
        public Changes Changed(string field, bool changed)
        {
            if (changed)
            {
                items[field] = "已修改";
            }
            return this;
        }
    }

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
