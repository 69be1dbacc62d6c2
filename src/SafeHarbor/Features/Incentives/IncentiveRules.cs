using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// What the commands of Art. 13 share: the dates and recipients a record may carry, finding a record to correct
/// or withdraw (in force, at the version the actor saw), and the changes a correction writes to the audit trail.
/// </summary>
public static class IncentiveRules
{
    /// <summary>The earliest date a record may carry: a typo like 0026 is refused rather than stored.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public const int MaxReasonLength = 500;

    /// <summary>A talk the actor may change, with the person talked with, still in force and at the version the actor saw.</summary>
    internal static async Task<(HeartTalk Talk, Person Person)> LoadTalkAsync(CommandContext ctx, Guid id, int? expectedVersion, CancellationToken ct)
    {
        var talk = await FindAsync<HeartTalk>(ctx, id, HeartTalk.Noun, ct);
        var person = await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == talk.PersonId, ct);
        if (person is null || !IncentiveAccess.MayChangeTalk(ctx.Actor, talk, person.UnitId))
        {
            throw DomainException.Forbidden("not-your-unit", person is not null && ctx.Actor.PersonId == person.Id
                ? "与您本人的谈心谈话记录不能由您修改或撤销。"
                : $"{person?.Name ?? "谈话对象"}不在您分管的单位，您不能修改或撤销与其的谈心谈话记录。");
        }
        EnsureOpen(talk, expectedVersion, HeartTalk.Noun);
        return (talk, person);
    }

    /// <summary>A record still in force, at the version the actor saw.</summary>
    internal static async Task<T> LoadOpenAsync<T>(CommandContext ctx, Guid id, int? expectedVersion, string what, CancellationToken ct)
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
        IncentiveWithdrawal.EnsureInForce(record, what);
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw DomainException.Conflict("concurrency-conflict",
                $"该{what}已被他人修改（您看到的是第 {expected} 版，当前为第 {record.Version} 版），您的操作未保存。请刷新后重新提交。");
        }
    }

    /// <summary>The reason of a withdrawal, required and trimmed.</summary>
    internal static string RequireReason(string? reason)
    {
        new Validation().RequireText(reason, "reason", "撤销原因", MaxReasonLength).ThrowIfInvalid();
        return reason!.Trim();
    }

    internal static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What a correction changed, field by field (Chinese names), for its audit entry.</summary>
    internal sealed class Changes
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

    internal static void RequireDate(Validation v, DateOnly? date, DateOnly today, string field, string label) =>
        v.Require(date is not null, field, $"请填写{label}。")
            .Require(date is null || date <= today, field, $"{label}不能晚于今天（{today:yyyy-MM-dd}）。")
            .Require(date is null || date >= EarliestDate, field, $"{label}不能早于 {EarliestDate:yyyy-MM-dd}。");

    /// <summary>
    /// A person or a unit, exactly one: a record for a person counts for the person's unit anyway, and
    /// naming both would let the two disagree. Support measures go to front-line staff and enforcement units.
    /// </summary>
    internal static async Task RequireRecipientAsync(Validation v, SafeHarborDb db, Guid? personId, Guid? unitId, bool frontLineOnly, string what, CancellationToken ct)
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
