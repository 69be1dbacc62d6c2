using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>The draft of a risk point for a flag (a threshold and the value it flags): the field and kind the flag names, or the most frequent among its cases; the units of its cases; a description listing the cases for the party group to study.</summary>
public static class DraftRiskPoint
{
    public static async Task<RiskPoints.Draft> HandleAsync(Guid thresholdId, string value, Actor actor, SafeHarborDb db, PolicyCatalog policies, DateOnly today, CancellationToken ct)
    {
        var policy = policies.ForBureau(actor.BureauLineage).InForceOrLatest(today);
        if (!PreventionAccess.MayRecord(actor, policy))
        {
            throw PreventionAccess.NotAllowedToRecord(policy);
        }
        var threshold = await db.Set<PreventionThreshold>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == thresholdId, ct)
            ?? throw DomainException.NotFound("threshold-not-found", "找不到该预警阈值。");
        var cases = await PreventionQuery.LoadCasesAsync(db, actor, ct);
        var flag = PreventionAnalysis.Flags(cases, [threshold], today).FirstOrDefault(f => f.Value == value)
            ?? throw DomainException.NotFound("flag-not-found", $"“{PreventionAnalysis.Label(threshold.Dimension, value)}”目前没有达到该预警阈值。");
        string MostFrequent(IEnumerable<string> values) =>
            values.GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var field = threshold.Dimension switch
        {
            PreventionDimension.BusinessField => value,
            PreventionDimension.FieldAndKind => value.Split(PreventionAnalysis.Separator)[0],
            _ => MostFrequent(flag.Cases.Select(c => c.BusinessField)),
        };
        var kinds = flag.Cases.Where(c => c.ErrorKind is not null).Select(c => c.ErrorKind!).ToList();
        var kind = threshold.Dimension switch
        {
            PreventionDimension.ErrorKind => value,
            PreventionDimension.FieldAndKind => value.Split(PreventionAnalysis.Separator)[1],
            _ => kinds.Count > 0 ? MostFrequent(kinds) : null,
        };
        var units = flag.Cases.SelectMany(c => c.Units).DistinctBy(u => u.Id).Select(u => new RiskPoints.UnitRef(u.Id, u.Name)).ToList();
        var description =
            $"{flag.WindowFrom:yyyy年M月d日}至{flag.WindowTo:yyyy年M月d日}，{flag.DimensionName}“{flag.Label}”共登记问责事项 {flag.Count} 件，" +
            $"达到预警阈值（{PreventionAnalysis.Describe(threshold.Dimension, threshold.Value, threshold.Count, threshold.Months)}）：" +
            string.Join("；", flag.Cases.Select(c => $"{c.Number}“{c.Title}”")) + "。问题症结：（请局党组研究分析后填写）";
        return new RiskPoints.Draft($"{flag.Label}易错风险点", description, field, kind, units, "");
    }
}
