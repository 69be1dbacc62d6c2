using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// The care and incentive records of Art. 13 as the actor may see them (<see cref="IncentiveAccess"/>): the views the
/// queries (<see cref="ListHeartTalks"/>, <see cref="ListCommendations"/>, <see cref="ListSupportMeasures"/>,
/// <see cref="GetPersonIncentives"/>, <see cref="GetMyIncentives"/>) and the commands answer with, and how they are read.
/// </summary>
public static class IncentiveQueries
{
    /// <summary>A talk; <see cref="ContentWithheld"/> when the reader sees only that it was held (date and talker).</summary>
    /// <param name="Version">The If-Match of a correction or withdrawal.</param>
    /// <param name="Withdrawal">When, by whom and why it was withdrawn (撤销); null while in force.</param>
    public sealed record TalkView(
        Guid Id, Guid PersonId, string PersonName, Guid UnitId, string UnitName, DateOnly HeldOn,
        Guid TalkerPersonId, string TalkerName, string? Topics, string? FollowUp, bool ContentWithheld,
        int Version, WithdrawalView? Withdrawal)
    {
        public bool Withdrawn => Withdrawal is not null;
    }

    /// <param name="UnitId">The unit the record counts for: the unit commended, or the commended person's unit.</param>
    /// <param name="ToUnit">Given to the unit (集体), not to a person.</param>
    public sealed record CommendationView(
        Guid Id, CommendationKind Kind, string KindName, Guid? PersonId, string? PersonName, Guid UnitId, string UnitName, bool ToUnit,
        string RecipientName, string Title, string Basis, string AwardedBy, DateOnly AwardedOn,
        int Version, WithdrawalView? Withdrawal)
    {
        public bool Withdrawn => Withdrawal is not null;
    }

    /// <param name="UnitId">The unit the record counts for: the unit supported, or the person's unit.</param>
    public sealed record SupportMeasureView(
        Guid Id, string Kind, Guid? PersonId, string? PersonName, Guid UnitId, string UnitName, bool ToUnit,
        string RecipientName, string Description, DateOnly ProvidedOn,
        int Version, WithdrawalView? Withdrawal)
    {
        public bool Withdrawn => Withdrawal is not null;
    }

    /// <summary>A record withdrawn (撤销) as entered in error: on which day, by whom (the user's name), why.</summary>
    public sealed record WithdrawalView(DateOnly On, string ByName, string Reason);

    /// <summary>A person's records, for their profile.</summary>
    public sealed record PersonIncentives(
        Guid PersonId, string PersonName, Guid UnitId, string UnitName,
        IReadOnlyList<TalkView> Talks, IReadOnlyList<CommendationView> Commendations, IReadOnlyList<SupportMeasureView> SupportMeasures);

    /// <summary>What a person reads of their own: their records and those given to their unit as a whole.</summary>
    public sealed record MyIncentives(
        PersonIncentives Personal, IReadOnlyList<CommendationView> UnitCommendations, IReadOnlyList<SupportMeasureView> UnitSupportMeasures);

    /// <summary>Narrows a list: records of a unit (its people and the unit itself), of a calendar year, of a person.</summary>
    /// <param name="IncludeWithdrawn">Withdrawn records too (人事科 only, <see cref="IncentiveAccess.SeesWithdrawn"/>); else records in force.</param>
    public sealed record Filter(Guid? UnitId = null, int? Year = null, Guid? PersonId = null, bool IncludeWithdrawn = false);

    internal static async Task<IReadOnlyList<TalkView>> TalkViewsAsync(SafeHarborDb db, Actor actor, IReadOnlyList<HeartTalk> talks, CancellationToken ct)
    {
        var names = await NamesAsync(db, talks.Select(t => t.PersonId), [], talks, ct);
        return talks.Select(t =>
        {
            var (personName, unitId, unitName) = names.Person(t.PersonId);
            var full = IncentiveAccess.SeesTalkContent(actor, t, unitId);
            return new TalkView(t.Id, t.PersonId, personName ?? "", unitId, unitName, t.HeldOn, t.TalkerPersonId, t.TalkerName,
                full ? t.Topics : null, full ? t.FollowUp : null, !full, t.Version, names.Withdrawal(t));
        }).ToList();
    }

    internal static async Task<IReadOnlyList<CommendationView>> CommendationViewsAsync(SafeHarborDb db, IReadOnlyList<Commendation> list, CancellationToken ct)
    {
        var names = await NamesAsync(db, list.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value), list.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value), list, ct);
        return list.Select(c =>
        {
            var (personName, unitId, unitName) = c.PersonId is { } p ? names.Person(p) : (null, c.UnitId!.Value, names.Unit(c.UnitId!.Value));
            return new CommendationView(c.Id, c.Kind, c.Kind.Chinese(), c.PersonId, personName, unitId, unitName, c.PersonId is null,
                c.PersonId is null ? unitName : $"{personName}（{unitName}）", c.Title, c.Basis, c.AwardedBy, c.AwardedOn,
                c.Version, names.Withdrawal(c));
        }).ToList();
    }

    internal static async Task<IReadOnlyList<SupportMeasureView>> SupportMeasureViewsAsync(SafeHarborDb db, IReadOnlyList<SupportMeasure> list, CancellationToken ct)
    {
        var names = await NamesAsync(db, list.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value), list.Where(s => s.UnitId is not null).Select(s => s.UnitId!.Value), list, ct);
        return list.Select(s =>
        {
            var (personName, unitId, unitName) = s.PersonId is { } p ? names.Person(p) : (null, s.UnitId!.Value, names.Unit(s.UnitId!.Value));
            return new SupportMeasureView(s.Id, s.Kind, s.PersonId, personName, unitId, unitName, s.PersonId is null,
                s.PersonId is null ? unitName : $"{personName}（{unitName}）", s.Description, s.ProvidedOn,
                s.Version, names.Withdrawal(s));
        }).ToList();
    }

    public static (DateOnly From, DateOnly To) YearRange(int year) =>
        year is >= 1 and <= 9999 ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)) : (DateOnly.MaxValue, DateOnly.MinValue);

    internal static List<Guid> OverseenUnits(Actor actor) => actor.IsLeader ? actor.OverseenUnitIds.ToList() : [];

    internal static IQueryable<Guid> OverseenPersons(SafeHarborDb db, Actor actor)
    {
        var units = OverseenUnits(actor);
        return db.Persons.Where(p => units.Contains(p.UnitId)).Select(p => p.Id);
    }

    /// <summary>
    /// Records to a person or a unit, in force (<see cref="InForce"/>), that the actor may read (their own, their
    /// unit's, and those of the units they lead, unless they read all), of the filter's unit and person.
    /// </summary>
    internal static IQueryable<T> ReadableRecipients<T>(IQueryable<T> query, SafeHarborDb db, Actor actor, Filter filter)
        where T : class, IIncentiveRecord, IRecipientRecord
    {
        query = InForce(query, actor, filter);
        if (!IncentiveAccess.ReadsAll(actor))
        {
            var me = actor.PersonId;
            var myUnit = actor.UnitId;
            var units = OverseenUnits(actor);
            var overseen = OverseenPersons(db, actor);
            query = query.Where(r => (me != null && r.PersonId == me) || (myUnit != null && r.UnitId == myUnit)
                || (r.PersonId != null && overseen.Contains(r.PersonId.Value)) || (r.UnitId != null && units.Contains(r.UnitId.Value)));
        }
        if (filter.UnitId is { } unitId)
        {
            var people = db.Persons.Where(p => p.UnitId == unitId).Select(p => p.Id);
            query = query.Where(r => r.UnitId == unitId || (r.PersonId != null && people.Contains(r.PersonId.Value)));
        }
        if (filter.PersonId is { } personId)
        {
            query = query.Where(r => r.PersonId == personId);
        }
        return query;
    }

    /// <summary>Records in force, or withdrawn ones too when 人事科 asks (403 for anyone else who asks).</summary>
    internal static IQueryable<T> InForce<T>(IQueryable<T> query, Actor actor, Filter filter) where T : class, IIncentiveRecord
    {
        if (!filter.IncludeWithdrawn)
        {
            return query.Where(x => x.WithdrawnOn == null);
        }
        if (!IncentiveAccess.SeesWithdrawn(actor))
        {
            throw DomainException.Forbidden("not-allowed", "已撤销的关爱激励记录仅人事科可以查看。");
        }
        return query;
    }

    private sealed record Names(
        IReadOnlyDictionary<Guid, (string Name, Guid UnitId)> Persons, IReadOnlyDictionary<Guid, string> Units, IReadOnlyDictionary<Guid, string> Users)
    {
        public (string? Name, Guid UnitId, string UnitName) Person(Guid id) =>
            Persons.TryGetValue(id, out var p) ? (p.Name, p.UnitId, Unit(p.UnitId)) : ("（已删除人员）", Guid.Empty, "（未知单位）");

        public string Unit(Guid id) => Units.GetValueOrDefault(id) ?? "（未知单位）";

        public WithdrawalView? Withdrawal(IIncentiveRecord r) =>
            r.WithdrawnOn is { } on
                ? new WithdrawalView(on, r.WithdrawnBy is { } by ? Users.GetValueOrDefault(by) ?? "（未知用户）" : "", r.WithdrawalReason ?? "")
                : null;
    }

    private static async Task<Names> NamesAsync(
        SafeHarborDb db, IEnumerable<Guid> personIds, IEnumerable<Guid> unitIds, IEnumerable<IIncentiveRecord> records, CancellationToken ct)
    {
        var pids = personIds.Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => pids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.UnitId }).ToListAsync(ct);
        var uids = unitIds.Concat(persons.Select(p => p.UnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => uids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var userIds = records.Where(r => r.WithdrawnBy is not null).Select(r => r.WithdrawnBy!.Value).Distinct().ToList();
        var users = userIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new Names(persons.ToDictionary(p => p.Id, p => (p.Name, p.UnitId)), units, users);
    }
}
