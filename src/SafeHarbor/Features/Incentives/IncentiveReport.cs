using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// 年度关爱激励情况: for one calendar year, per unit, the talks held, the commendations by kind, the
/// support measures and the people reached, as one pure function over plain records so every figure
/// can be checked without a database.
/// <list type="bullet">
/// <item>A record for a person counts for the person's unit (the unit they belong to now: the
/// organisation keeps no history of moves); a record for a unit counts for that unit.</item>
/// <item>People reached (覆盖人数): the distinct people of the unit who, in the year, had a talk, or
/// received a commendation or a support measure of their own; each counted once. Collective records
/// (to a unit) reach no one by name and add no one.</item>
/// <item>Each unit counts its own records only; a county bureau's offices are rows of their own, so the
/// totals are the sums of the rows and nothing is counted twice.</item>
/// <item>Records of people or units outside the units given (outside the reader's scope) are left out.</item>
/// </list>
/// </summary>
public static class IncentiveReport
{
    public sealed record UnitFact(Guid Id, string Name, UnitType Type, int SortOrder);

    public sealed record PersonFact(Guid Id, Guid UnitId, string Post);

    public sealed record TalkFact(Guid PersonId, DateOnly HeldOn);

    public sealed record CommendationFact(CommendationKind Kind, Guid? PersonId, Guid? UnitId, DateOnly AwardedOn);

    public sealed record SupportFact(Guid? PersonId, Guid? UnitId, DateOnly ProvidedOn);

    /// <param name="FrontLine">An enforcement unit (分局、综合支队、县区局): 一线执法单位.</param>
    /// <param name="FrontLinePeopleReached">Of <paramref name="PeopleReached"/>, front-line enforcement staff (an enforcement unit, or a post with 执法).</param>
    public sealed record Row(
        Guid UnitId, string UnitName, string UnitTypeName, bool FrontLine,
        int Talks, int RegularCommendations, int SpecialAwards, int SupportMeasures, int PeopleReached, int FrontLinePeopleReached)
    {
        public int Commendations => RegularCommendations + SpecialAwards;

        public bool Any => Talks + Commendations + SupportMeasures > 0;
    }

    public sealed record Totals(int Talks, int RegularCommendations, int SpecialAwards, int SupportMeasures, int PeopleReached, int FrontLinePeopleReached)
    {
        public int Commendations => RegularCommendations + SpecialAwards;

        public static Totals Of(IEnumerable<Row> rows)
        {
            var list = rows.ToList();
            return new Totals(list.Sum(r => r.Talks), list.Sum(r => r.RegularCommendations), list.Sum(r => r.SpecialAwards),
                list.Sum(r => r.SupportMeasures), list.Sum(r => r.PeopleReached), list.Sum(r => r.FrontLinePeopleReached));
        }
    }

    /// <param name="FrontLineUnits">The totals of the enforcement units alone.</param>
    public sealed record Report(int Year, IReadOnlyList<Row> Rows, Totals Total, Totals FrontLineUnits);

    public static Report Compute(
        int year,
        IReadOnlyCollection<UnitFact> units,
        IReadOnlyCollection<PersonFact> persons,
        IEnumerable<TalkFact> talks,
        IEnumerable<CommendationFact> commendations,
        IEnumerable<SupportFact> supportMeasures)
    {
        var unitById = units.ToDictionary(u => u.Id);
        var personById = persons.Where(p => unitById.ContainsKey(p.UnitId)).ToDictionary(p => p.Id);
        bool InYear(DateOnly d) => d.Year == year;

        // The unit a record counts for, or null when it lies outside the units given.
        Guid? UnitOf(Guid? personId, Guid? unitId) =>
            personId is { } p ? (personById.TryGetValue(p, out var person) ? person.UnitId : null)
            : unitId is { } u && unitById.ContainsKey(u) ? u : null;

        var talkCount = new Dictionary<Guid, int>();
        var regular = new Dictionary<Guid, int>();
        var special = new Dictionary<Guid, int>();
        var support = new Dictionary<Guid, int>();
        var reached = new HashSet<Guid>();

        void Count(Dictionary<Guid, int> counts, Guid? personId, Guid? unitId)
        {
            if (UnitOf(personId, unitId) is { } unit)
            {
                counts[unit] = counts.GetValueOrDefault(unit) + 1;
                if (personId is { } p)
                {
                    reached.Add(p);
                }
            }
        }

        foreach (var t in talks.Where(t => InYear(t.HeldOn)))
        {
            Count(talkCount, t.PersonId, null);
        }
        foreach (var c in commendations.Where(c => InYear(c.AwardedOn)))
        {
            Count(c.Kind == CommendationKind.Special ? special : regular, c.PersonId, c.PersonId is null ? c.UnitId : null);
        }
        foreach (var s in supportMeasures.Where(s => InYear(s.ProvidedOn)))
        {
            Count(support, s.PersonId, s.PersonId is null ? s.UnitId : null);
        }

        var reachedByUnit = reached.Select(p => personById[p]).ToLookup(p => p.UnitId);
        var rows = units
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u =>
            {
                var people = reachedByUnit[u.Id].ToList();
                return new Row(
                    u.Id, u.Name, u.Type.Chinese(), IncentiveAccess.IsEnforcementUnit(u.Type),
                    talkCount.GetValueOrDefault(u.Id), regular.GetValueOrDefault(u.Id), special.GetValueOrDefault(u.Id),
                    support.GetValueOrDefault(u.Id), people.Count, people.Count(p => IncentiveAccess.IsFrontLine(u.Type, p.Post)));
            })
            .ToList();
        return new Report(year, rows, Totals.Of(rows), Totals.Of(rows.Where(r => r.FrontLine)));
    }

    /// <summary>The report and the years that have records (and this year), for the year picker.</summary>
    public sealed record Result(Report Report, IReadOnlyList<int> Years, bool BureauWide);

    /// <summary>
    /// 人事科, 局党组成员 and 局办公室 get every unit of the bureau; a leader the units they oversee; anyone else 403.
    /// </summary>
    public static async Task<Result> RunAsync(SafeHarborDb db, Actor actor, int year, DateOnly today, CancellationToken ct)
    {
        if (!IncentiveAccess.MayUseWorkspace(actor))
        {
            throw DomainException.Forbidden("not-allowed", "年度关爱激励情况供人事科、局党组、局办公室和单位负责人（本单位）查看。");
        }
        var bureauWide = IncentiveAccess.ReadsAll(actor);
        var scope = actor.OverseenUnitIds.ToList();
        var unitQuery = db.Units.AsNoTracking();
        if (!bureauWide)
        {
            unitQuery = unitQuery.Where(u => scope.Contains(u.Id));
        }
        var units = await unitQuery.Select(u => new UnitFact(u.Id, u.Name, u.Type, u.SortOrder)).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var personQuery = db.Persons.AsNoTracking();
        if (!bureauWide)
        {
            personQuery = personQuery.Where(p => scope.Contains(p.UnitId));
        }
        var persons = await personQuery.Select(p => new PersonFact(p.Id, p.UnitId, p.Post)).ToListAsync(ct);

        var (from, to) = IncentiveQueries.YearRange(year);
        // Withdrawn records (entered in error) count nowhere.
        var talks = await db.Set<HeartTalk>().AsNoTracking().Where(t => t.WithdrawnOn == null && t.HeldOn >= from && t.HeldOn <= to)
            .Select(t => new TalkFact(t.PersonId, t.HeldOn)).ToListAsync(ct);
        var commendations = await db.Set<Commendation>().AsNoTracking().Where(c => c.WithdrawnOn == null && c.AwardedOn >= from && c.AwardedOn <= to)
            .Select(c => new CommendationFact(c.Kind, c.PersonId, c.UnitId, c.AwardedOn)).ToListAsync(ct);
        var support = await db.Set<SupportMeasure>().AsNoTracking().Where(s => s.WithdrawnOn == null && s.ProvidedOn >= from && s.ProvidedOn <= to)
            .Select(s => new SupportFact(s.PersonId, s.UnitId, s.ProvidedOn)).ToListAsync(ct);

        var years = (await db.Set<HeartTalk>().Where(t => t.WithdrawnOn == null).Select(t => t.HeldOn.Year).Distinct().ToListAsync(ct))
            .Concat(await db.Set<Commendation>().Where(c => c.WithdrawnOn == null).Select(c => c.AwardedOn.Year).Distinct().ToListAsync(ct))
            .Concat(await db.Set<SupportMeasure>().Where(s => s.WithdrawnOn == null).Select(s => s.ProvidedOn.Year).Distinct().ToListAsync(ct))
            .Append(today.Year)
            .Distinct().OrderByDescending(y => y).ToList();

        return new Result(Compute(year, units, persons, talks, commendations, support), years, bureauWide);
    }

    /// <summary>The report as the rows of an Excel sheet: one row per unit, then 合计 and 其中一线执法单位.</summary>
    public static List<Dictionary<string, object?>> ExcelRows(Report report)
    {
        static Dictionary<string, object?> Line(string unit, string type, string frontLine, int talks, int regular, int special, int support, int reached, int frontLineReached) => new()
        {
            ["单位"] = unit,
            ["单位类型"] = type,
            ["一线执法单位"] = frontLine,
            ["谈心谈话（次）"] = talks,
            ["平时激励（项）"] = regular,
            ["专项表彰奖励（项）"] = special,
            ["支持保障措施（项）"] = support,
            ["覆盖人数（人）"] = reached,
            ["其中一线执法人员（人）"] = frontLineReached,
        };
        var rows = report.Rows
            .Select(r => Line(r.UnitName, r.UnitTypeName, r.FrontLine ? "是" : "否", r.Talks, r.RegularCommendations, r.SpecialAwards, r.SupportMeasures, r.PeopleReached, r.FrontLinePeopleReached))
            .ToList();
        var t = report.Total;
        rows.Add(Line("合计", "", "", t.Talks, t.RegularCommendations, t.SpecialAwards, t.SupportMeasures, t.PeopleReached, t.FrontLinePeopleReached));
        var f = report.FrontLineUnits;
        rows.Add(Line("其中一线执法单位", "", "是", f.Talks, f.RegularCommendations, f.SpecialAwards, f.SupportMeasures, f.PeopleReached, f.FrontLinePeopleReached));
        return rows;
    }
}
