using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>Issues a warning to units (局党组成员、局办公室), optionally for a risk point.</summary>
public static class IssueWarning
{
    public sealed record Request(string? Title, string? Text, IReadOnlyList<Guid>? UnitIds, Guid? RiskPointId);

    public static Task<Warnings.View> HandleAsync(Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOrLatest(ctx.Today);
            if (!PreventionAccess.MayRecord(actor, policy))
            {
                throw PreventionAccess.NotAllowedToRecord(policy);
            }
            var ids = (request.UnitIds ?? []).Distinct().ToList();
            var units = (await ctx.Db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct))
                .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
            var led = await ctx.Db.Persons.AsNoTracking().Where(p => p.IsLeader && ids.Contains(p.UnitId)).Select(p => p.UnitId).Distinct().ToListAsync(ct);
            var leaderless = units.Where(u => !led.Contains(u.Id)).Select(u => u.Name).ToList();
            var v = new Validation()
                .Name(request.Title, "title", "警示提醒标题", 200)
                .RequireText(request.Text, "text", "警示提醒内容", 5000)
                .Require(ids.Count > 0, "unitIds", "请至少选择一个接收单位。")
                .Require(units.Count == ids.Count, "unitIds", "所选接收单位不存在。")
                .Require(leaderless.Count == 0, "unitIds", $"{string.Join("、", leaderless)}没有登记负责人，无人签收，请先在单位人员中登记负责人。");
            if (request.RiskPointId is { } rp)
            {
                v.Require(await ctx.Db.Set<RiskPoint>().AnyAsync(x => x.Id == rp, ct), "riskPointId", "所选风险点不存在。");
            }
            v.ThrowIfInvalid();
            var w = new WarningNotice
            {
                Id = Guid.NewGuid(),
                Title = request.Title!.Trim(),
                Text = request.Text!.Trim(),
                RiskPointId = request.RiskPointId,
                IssuedOn = ctx.Today,
                IssuedBy = actor.UserId,
                Recipients = units.Select(u => new WarningRecipient { UnitId = u.Id, UnitName = u.Name }).ToList(),
            };
            ctx.Db.Add(w);
            ctx.Audit("IssueWarning", nameof(WarningNotice), w.Id.ToString(), null, PreventionAccess.ActingAs(actor, policy),
                new { w.Title, units = units.Select(u => u.Name), w.RiskPointId });
            return (await Warnings.ViewsAsync(ctx.Db, actor, [w], ct))[0];
        }, ct);
}
