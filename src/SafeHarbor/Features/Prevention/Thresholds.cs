using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// The thresholds of the analysis: 执法稽查科 sets, edits, deactivates and reactivates them. What the threshold use
/// cases share: the view, the validation, the refusal of duplicates.
/// </summary>
public static class Thresholds
{
    public const int MaxCount = 1000;
    public const int MaxMonths = 120;

    /// <param name="Value">One field, unit name or kind of error; for <see cref="PreventionDimension.FieldAndKind"/> "业务领域/失误类型"; empty for every value.</param>
    public sealed record View(
        Guid Id, PreventionDimension Dimension, string DimensionName, string? Value, string ValueLabel, int Count, int Months,
        bool Active, string Rule, string SetBy, DateOnly SetOn);

    internal static void RequirePolicyOwner(Actor actor)
    {
        if (!PreventionAccess.MaySetThresholds(actor))
        {
            throw PreventionAccess.NotPolicyOwner();
        }
    }

    internal static async Task<PreventionThreshold> FindAsync(SafeHarborDb db, Guid id, CancellationToken ct) =>
        await db.Set<PreventionThreshold>().SingleOrDefaultAsync(x => x.Id == id, ct)
        ?? throw DomainException.NotFound("threshold-not-found", "找不到该预警阈值。");

    internal static async Task<(PreventionDimension, string?)> ValidateAsync(SetThreshold.Request r, SafeHarborDb db, CancellationToken ct)
    {
        var v = new Validation()
            .Require(r.Dimension is { } d && Enum.IsDefined(d), "dimension",
                $"请选择统计维度（{string.Join("、", Enum.GetValues<PreventionDimension>().Select(x => $"{x}：{x.Chinese()}"))}）。")
            .Require(r.Count is >= 2 and <= MaxCount, "count", $"案件数应为 2 至 {MaxCount} 之间的整数。")
            .Require(r.Months is >= 1 and <= MaxMonths, "months", $"期间应为 1 至 {MaxMonths} 个月。");
        var value = string.IsNullOrWhiteSpace(r.Value) ? null : r.Value.Trim();
        if (value is not null && r.Dimension is { } dimension)
        {
            switch (dimension)
            {
                case PreventionDimension.BusinessField:
                    v.Require(BusinessFields.IsKnown(value), "value", $"业务领域应为：{string.Join("、", BusinessFields.All)}。");
                    break;
                case PreventionDimension.ErrorKind:
                    v.Require(ErrorKinds.IsKnown(value), "value", $"失误类型应为：{string.Join("、", ErrorKinds.All)}。");
                    break;
                case PreventionDimension.Unit:
                    v.Require(await db.Units.AnyAsync(u => u.Name == value, ct), "value", $"没有名为“{value}”的单位。");
                    break;
                case PreventionDimension.FieldAndKind:
                    var parts = value.Split(PreventionAnalysis.Separator, StringSplitOptions.TrimEntries);
                    v.Require(parts.Length == 2 && BusinessFields.IsKnown(parts[0]) && ErrorKinds.IsKnown(parts[1]), "value",
                        "同一领域同一失误类型的取值应写作“业务领域/失误类型”，例如“食品安全/跟踪复查不到位”。");
                    if (parts.Length == 2)
                    {
                        value = PreventionAnalysis.CombinedValue(parts[0], parts[1]);
                    }
                    break;
            }
        }
        v.ThrowIfInvalid();
        return (r.Dimension!.Value, value);
    }

    internal static async Task RefuseDuplicateAsync(SafeHarborDb db, Guid? self, PreventionDimension dimension, string? value, int count, int months, CancellationToken ct)
    {
        var same = await db.Set<PreventionThreshold>().AsNoTracking()
            .Where(t => t.Active && t.Id != self && t.Dimension == dimension && t.Value == value && t.Count == count && t.Months == months)
            .AnyAsync(ct);
        if (same)
        {
            throw DomainException.Conflict("threshold-exists", $"已有相同的预警阈值：{PreventionAnalysis.Describe(dimension, value, count, months)}。");
        }
    }

    internal static async Task<IReadOnlyList<View>> ViewsAsync(SafeHarborDb db, IReadOnlyList<PreventionThreshold> thresholds, CancellationToken ct)
    {
        var userIds = thresholds.Select(t => t.SetBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return thresholds.Select(t => new View(
            t.Id, t.Dimension, t.Dimension.Chinese(), t.Value, t.Value is null ? $"全部{t.Dimension.Chinese()}" : PreventionAnalysis.Label(t.Dimension, t.Value),
            t.Count, t.Months, t.Active, PreventionAnalysis.Describe(t.Dimension, t.Value, t.Count, t.Months),
            names.GetValueOrDefault(t.SetBy, ""), t.SetOn)).ToList();
    }
}
