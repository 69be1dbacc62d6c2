using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// 风险点 (Art. 9: 找出易错风险点和问题症结): recorded by 局党组成员 or 局办公室, from a flag of the analysis
/// (the form comes prefilled) or directly. What the risk-point use cases share: the views and the validation.
/// </summary>
public static class RiskPoints
{
    public sealed record UnitRef(Guid Id, string Name);

    public sealed record View(
        Guid Id, string Title, string Description, string BusinessField, string? ErrorKind, IReadOnlyList<UnitRef> Units,
        string Measures, DateOnly IdentifiedOn, string RecordedBy, int Warnings);

    /// <summary>A risk point proposed from a flag: what the flag says, for the recorder to complete (measures) and correct.</summary>
    public sealed record Draft(string Title, string Description, string BusinessField, string? ErrorKind, IReadOnlyList<UnitRef> Units, string Measures);

    internal static async Task<List<UnitRef>> ValidateAsync(RecordRiskPoint.Request r, CommandContext ctx, CancellationToken ct)
    {
        var ids = (r.UnitIds ?? []).Distinct().ToList();
        var units = (await ctx.Db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => new UnitRef(u.Id, u.Name)).ToList();
        new Validation()
            .Name(r.Title, "title", "风险点名称", 200)
            .RequireText(r.Description, "description", "风险点描述（易错情形和问题症结）", 3000)
            .Require(BusinessFields.IsKnown(r.BusinessField?.Trim()), "businessField", $"请选择业务领域（{string.Join("、", BusinessFields.All)}）。")
            .Require(string.IsNullOrWhiteSpace(r.ErrorKind) || ErrorKinds.IsKnown(r.ErrorKind.Trim()), "errorKind", $"失误类型应为：{string.Join("、", ErrorKinds.All)}。")
            .Require(ids.Count > 0, "unitIds", "请至少选择一个涉及的单位。")
            .Require(units.Count == ids.Count, "unitIds", "所选单位不存在。")
            .RequireText(r.Measures, "measures", "防范措施", 3000)
            .Require(r.IdentifiedOn is null || r.IdentifiedOn <= ctx.Today, "identifiedOn", "确定日期不能晚于今天。")
            .ThrowIfInvalid();
        return units;
    }

    internal static async Task<IReadOnlyList<View>> ViewsAsync(SafeHarborDb db, IReadOnlyList<RiskPoint> points, CancellationToken ct)
    {
        var userIds = points.Select(p => p.RecordedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var ids = points.Select(p => (Guid?)p.Id).ToList();
        var warnings = (await db.Set<WarningNotice>().AsNoTracking().Where(w => ids.Contains(w.RiskPointId)).Select(w => w.RiskPointId!.Value).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        // Owned rows come back in no particular order: the units in the organisation's order.
        var unitIds = points.SelectMany(p => p.Units.Select(u => u.UnitId)).Distinct().ToList();
        var order = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.SortOrder, ct);
        return points.Select(p => new View(
            p.Id, p.Title, p.Description, p.BusinessField, p.ErrorKind,
            p.Units.OrderBy(u => order.GetValueOrDefault(u.UnitId, int.MaxValue)).ThenBy(u => u.UnitName, StringComparer.Ordinal).Select(u => new UnitRef(u.UnitId, u.UnitName)).ToList(),
            p.Measures, p.IdentifiedOn, names.GetValueOrDefault(p.RecordedBy, ""), warnings.GetValueOrDefault(p.Id))).ToList();
    }
}
