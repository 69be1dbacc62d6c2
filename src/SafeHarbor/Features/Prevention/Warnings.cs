using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// 警示提醒 (Art. 9: 警示提醒，防止类似错误和问题重复发生): issued by 局党组成员 or 局办公室 to units, optionally
/// for a risk point; the leader of each recipient unit acknowledges for the unit with a comment, and the issuer
/// sees which units have and have not.
/// </summary>
public static class Warnings
{
    public sealed record IssueRequest(string? Title, string? Text, IReadOnlyList<Guid>? UnitIds, Guid? RiskPointId);

    public sealed record AcknowledgeRequest(string? Comment);

    public sealed record RecipientView(
        Guid UnitId, string UnitName, bool Acknowledged, DateOnly? AcknowledgedOn, string? AcknowledgedBy, string? Comment, IReadOnlyList<string> Leaders);

    /// <param name="AwaitingMe">The reader leads a recipient unit that has not acknowledged yet.</param>
    public sealed record View(
        Guid Id, string Title, string Text, Guid? RiskPointId, string? RiskPointTitle, DateOnly IssuedOn, string IssuedBy,
        int AcknowledgedCount, int RecipientCount, IReadOnlyList<RecipientView> Recipients, bool AwaitingMe);

    /// <summary>All warnings for those who read every case; a unit leader the warnings to the unit; anyone else is refused.</summary>
    public static async Task<IReadOnlyList<View>> ListAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        IQueryable<WarningNotice> query = db.Set<WarningNotice>().AsNoTracking();
        if (!PreventionAccess.SeesAllWarnings(actor))
        {
            if (!actor.IsLeader || actor.UnitId is not { } unit)
            {
                throw DomainException.Forbidden("warnings-not-allowed", "警示提醒供局党组、局办公室、办理容错免责程序的部门和接收单位负责人查看。");
            }
            query = query.Where(w => w.Recipients.Any(r => r.UnitId == unit));
        }
        var all = await query.ToListAsync(ct);
        return await ViewsAsync(db, actor, all.OrderByDescending(w => w.IssuedOn).ThenBy(w => w.Title, StringComparer.Ordinal).ToList(), ct);
    }

    public static async Task<View> GetAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var w = await db.Set<WarningNotice>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !(PreventionAccess.SeesAllWarnings(actor) || w.Recipients.Any(r => actor.Leads(r.UnitId))))
        {
            throw DomainException.NotFound("warning-not-found", "找不到该警示提醒，或您无权查看。");
        }
        return (await ViewsAsync(db, actor, [w], ct))[0];
    }

    /// <summary>The warnings the actor's unit has yet to acknowledge, when the actor is its leader (their 待办).</summary>
    public static async Task<IReadOnlyList<WarningNotice>> AwaitingAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!actor.IsLeader || actor.UnitId is not { } unit)
        {
            return [];
        }
        var pending = await db.Set<WarningNotice>().AsNoTracking()
            .Where(w => w.Recipients.Any(r => r.UnitId == unit && r.AcknowledgedOn == null))
            .ToListAsync(ct);
        return pending.OrderBy(w => w.IssuedOn).ThenBy(w => w.Title, StringComparer.Ordinal).ToList();
    }

    public static async Task<IReadOnlyList<View>> PendingAsync(Actor actor, SafeHarborDb db, CancellationToken ct) =>
        await ViewsAsync(db, actor, await AwaitingAsync(actor, db, ct), ct);

    public static Task<View> IssueAsync(IssueRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
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
                .RequireText(request.Title, "title", "警示提醒标题", 200)
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
            return (await ViewsAsync(ctx.Db, actor, [w], ct))[0];
        }, ct);

    /// <summary>The leader of a recipient unit acknowledges for the unit; each unit once.</summary>
    public static Task<View> AcknowledgeAsync(Guid id, AcknowledgeRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var w = await ctx.Db.Set<WarningNotice>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("warning-not-found", "找不到该警示提醒。");
            var recipient = w.Recipients.FirstOrDefault(r => actor.Leads(r.UnitId))
                ?? throw DomainException.Forbidden("not-recipient-leader",
                    $"只有接收单位（{string.Join("、", w.Recipients.Select(r => r.UnitName))}）的负责人才能签收该警示提醒。");
            if (recipient.AcknowledgedOn is { } on)
            {
                throw DomainException.Conflict("already-acknowledged", $"{recipient.UnitName}已于{on:yyyy年M月d日}由{recipient.AcknowledgedBy}签收该警示提醒。");
            }
            new Validation().RequireText(request.Comment, "comment", "签收意见（本单位的认识和落实措施）", 1000).ThrowIfInvalid();
            recipient.AcknowledgedOn = ctx.Today;
            recipient.AcknowledgedBy = Truncate(actor.DisplayName, 50);
            recipient.Comment = request.Comment!.Trim();
            ctx.Audit("AcknowledgeWarning", nameof(WarningNotice), w.Id.ToString(), null, $"{recipient.UnitName}负责人",
                new { unit = recipient.UnitName, recipient.Comment });
            return (await ViewsAsync(ctx.Db, actor, [w], ct))[0];
        }, ct);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static async Task<IReadOnlyList<View>> ViewsAsync(SafeHarborDb db, Actor actor, IReadOnlyList<WarningNotice> warnings, CancellationToken ct)
    {
        var userIds = warnings.Select(w => w.IssuedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var riskIds = warnings.Where(w => w.RiskPointId is not null).Select(w => w.RiskPointId!.Value).Distinct().ToList();
        var risks = await db.Set<RiskPoint>().AsNoTracking().Where(r => riskIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        var unitIds = warnings.SelectMany(w => w.Recipients.Select(r => r.UnitId)).Distinct().ToList();
        var leaders = (await db.Persons.AsNoTracking().Where(p => p.IsLeader && unitIds.Contains(p.UnitId)).Select(p => new { p.UnitId, p.Name }).ToListAsync(ct))
            .GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
        var order = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.SortOrder, ct);
        return warnings.Select(w =>
        {
            var recipients = w.Recipients.OrderBy(r => order.GetValueOrDefault(r.UnitId, int.MaxValue)).ThenBy(r => r.UnitName, StringComparer.Ordinal).Select(r => new RecipientView(
                r.UnitId, r.UnitName, r.AcknowledgedOn is not null, r.AcknowledgedOn, r.AcknowledgedBy, r.Comment, leaders.GetValueOrDefault(r.UnitId, []))).ToList();
            return new View(
                w.Id, w.Title, w.Text, w.RiskPointId, w.RiskPointId is { } rp ? risks.GetValueOrDefault(rp) : null, w.IssuedOn, names.GetValueOrDefault(w.IssuedBy, ""),
                recipients.Count(r => r.Acknowledged), recipients.Count, recipients,
                w.Recipients.Any(r => actor.Leads(r.UnitId) && r.AcknowledgedOn is null));
        }).ToList();
    }
}

/// <summary>Puts "acknowledge this warning" into the 待办 of the leaders of the recipient units.</summary>
public sealed class WarningTodos(SafeHarborDb db) : IInboxContributor
{
    public async Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct) =>
        (await Warnings.AwaitingAsync(actor, db, ct))
            .Select(w => new OtherTodo("警示提醒", $"{w.Title}（{w.IssuedOn:yyyy年M月d日}下发）", $"/Prevention/Warnings/{w.Id}", "签收", null, null))
            .ToList();
}
