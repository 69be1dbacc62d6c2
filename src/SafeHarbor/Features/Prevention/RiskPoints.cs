using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// 风险点 (Art. 9: 找出易错风险点和问题症结): recorded by 局党组成员 or 局办公室, from a flag of the analysis
/// (the form comes prefilled) or directly.
/// </summary>
public static class RiskPoints
{
    public sealed record Request(
        string? Title, string? Description, string? BusinessField, string? ErrorKind, IReadOnlyList<Guid>? UnitIds, string? Measures, DateOnly? IdentifiedOn);

    public sealed record UnitRef(Guid Id, string Name);

    public sealed record View(
        Guid Id, string Title, string Description, string BusinessField, string? ErrorKind, IReadOnlyList<UnitRef> Units,
        string Measures, DateOnly IdentifiedOn, string RecordedBy, int Warnings);

    /// <summary>A risk point proposed from a flag: what the flag says, for the recorder to complete (measures) and correct.</summary>
    public sealed record Draft(string Title, string Description, string BusinessField, string? ErrorKind, IReadOnlyList<UnitRef> Units, string Measures);

    /// <summary>Those who see the analysis see the register (it names no case of its own).</summary>
    public static async Task<IReadOnlyList<View>> ListAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        var all = await db.Set<RiskPoint>().AsNoTracking().ToListAsync(ct);
        return await ViewsAsync(db, all.OrderByDescending(r => r.IdentifiedOn).ThenBy(r => r.Title, StringComparer.Ordinal).ToList(), ct);
    }

    public static async Task<View> GetAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        var r = await db.Set<RiskPoint>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("risk-point-not-found", "找不到该风险点。");
        return (await ViewsAsync(db, [r], ct))[0];
    }

    public static Task<View> RecordAsync(Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOrLatest(ctx.Today);
            if (!PreventionAccess.MayRecord(actor, policy))
            {
                throw PreventionAccess.NotAllowedToRecord(policy);
            }
            var units = await ValidateAsync(request, ctx, ct);
            var r = new RiskPoint
            {
                Id = Guid.NewGuid(),
                Title = request.Title!.Trim(),
                Description = request.Description!.Trim(),
                BusinessField = request.BusinessField!.Trim(),
                ErrorKind = string.IsNullOrWhiteSpace(request.ErrorKind) ? null : request.ErrorKind.Trim(),
                Measures = request.Measures!.Trim(),
                IdentifiedOn = request.IdentifiedOn ?? ctx.Today,
                RecordedBy = actor.UserId,
                Units = units.Select(u => new RiskPointUnit { UnitId = u.Id, UnitName = u.Name }).ToList(),
            };
            ctx.Db.Add(r);
            ctx.Audit("RecordRiskPoint", nameof(RiskPoint), r.Id.ToString(), null, PreventionAccess.ActingAs(actor, policy),
                new { r.Title, r.BusinessField, r.ErrorKind, units = units.Select(u => u.Name), r.Measures });
            return (await ViewsAsync(ctx.Db, [r], ct))[0];
        }, ct);

    public static Task<View> UpdateAsync(Guid id, Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOrLatest(ctx.Today);
            if (!PreventionAccess.MayRecord(actor, policy))
            {
                throw PreventionAccess.NotAllowedToRecord(policy);
            }
            var r = await ctx.Db.Set<RiskPoint>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("risk-point-not-found", "找不到该风险点。");
            var units = await ValidateAsync(request, ctx, ct);
            r.Title = request.Title!.Trim();
            r.Description = request.Description!.Trim();
            r.BusinessField = request.BusinessField!.Trim();
            r.ErrorKind = string.IsNullOrWhiteSpace(request.ErrorKind) ? null : request.ErrorKind.Trim();
            r.Measures = request.Measures!.Trim();
            r.IdentifiedOn = request.IdentifiedOn ?? r.IdentifiedOn;
            // Owned rows keyed by unit: keep the ones that stay, so none is tracked twice.
            r.Units.RemoveAll(u => units.All(x => x.Id != u.UnitId));
            foreach (var u in units.Where(u => r.Units.All(x => x.UnitId != u.Id)))
            {
                r.Units.Add(new RiskPointUnit { UnitId = u.Id, UnitName = u.Name });
            }
            ctx.Audit("EditRiskPoint", nameof(RiskPoint), r.Id.ToString(), null, PreventionAccess.ActingAs(actor, policy),
                new { r.Title, r.BusinessField, r.ErrorKind, units = units.Select(u => u.Name), r.Measures });
            return (await ViewsAsync(ctx.Db, [r], ct))[0];
        }, ct);

    /// <summary>
    /// The draft of a risk point for a flag (a threshold and the value it flags): the field and kind the flag names, or the
    /// most frequent among its cases; the units of its cases; a description listing the cases for the party group to study.
    /// </summary>
    public static async Task<Draft> DraftAsync(Guid thresholdId, string value, Actor actor, SafeHarborDb db, PolicyCatalog policies, DateOnly today, CancellationToken ct)
    {
        var policy = policies.InForceOrLatest(today);
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
        var units = flag.Cases.SelectMany(c => c.Units).DistinctBy(u => u.Id).Select(u => new UnitRef(u.Id, u.Name)).ToList();
        var description =
            $"{flag.WindowFrom:yyyy年M月d日}至{flag.WindowTo:yyyy年M月d日}，{flag.DimensionName}“{flag.Label}”共登记问责事项 {flag.Count} 件，" +
            $"达到预警阈值（{PreventionAnalysis.Describe(threshold.Dimension, threshold.Value, threshold.Count, threshold.Months)}）：" +
            string.Join("；", flag.Cases.Select(c => $"{c.Number}“{c.Title}”")) + "。问题症结：（请局党组研究分析后填写）";
        return new Draft($"{flag.Label}易错风险点", description, field, kind, units, "");
    }

    private static async Task<List<UnitRef>> ValidateAsync(Request r, CommandContext ctx, CancellationToken ct)
    {
        var ids = (r.UnitIds ?? []).Distinct().ToList();
        var units = (await ctx.Db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => new UnitRef(u.Id, u.Name)).ToList();
        new Validation()
            .RequireText(r.Title, "title", "风险点名称", 200)
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

    private static async Task<IReadOnlyList<View>> ViewsAsync(SafeHarborDb db, IReadOnlyList<RiskPoint> points, CancellationToken ct)
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
