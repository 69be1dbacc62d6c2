using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// 警示提醒 (Art. 9: 警示提醒，防止类似错误和问题重复发生): issued by 局党组成员 or 局办公室 to units, optionally
/// for a risk point; the leader of each recipient unit acknowledges for the unit with a comment, and the issuer
/// sees which units have and have not. What the warning use cases share: the views and who awaits what.
/// </summary>
public static class Warnings
{
    public sealed record RecipientView(
        Guid UnitId, string UnitName, bool Acknowledged, DateOnly? AcknowledgedOn, string? AcknowledgedBy, string? Comment, IReadOnlyList<string> Leaders);

    /// <param name="AwaitingMe">The reader leads a recipient unit that has not acknowledged yet.</param>
    public sealed record View(
        Guid Id, string Title, string Text, Guid? RiskPointId, string? RiskPointTitle, DateOnly IssuedOn, string IssuedBy,
        int AcknowledgedCount, int RecipientCount, IReadOnlyList<RecipientView> Recipients, bool AwaitingMe);

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

    internal static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    internal static async Task<IReadOnlyList<View>> ViewsAsync(SafeHarborDb db, Actor actor, IReadOnlyList<WarningNotice> warnings, CancellationToken ct)
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
