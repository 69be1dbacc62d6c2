using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.AuditTrail;

/// <summary>The audit administrator's view: the chain and who did what when, without case contents (三员分立).</summary>
public static class AuditTrailApi
{
    public sealed record EntryView(long Sequence, DateTimeOffset At, string ActorName, string ActingAs, string Action, string EntityType, string EntityId, string Hash);

    public static IEndpointRouteBuilder MapAuditTrail(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("审计").RequireRoles(Role.AuditAdmin);
        group.MapGet("/verify", (Cases.Actor actor, SafeHarborDb db, CancellationToken ct) => AuditLog.VerifyAsync(db, actor.BureauId, ct))
            .WithSummary("校验本局的整条审计哈希链，指出第一条异常记录");
        group.MapGet("/entries", async (long? after, int? take, SafeHarborDb db, CancellationToken ct) =>
                await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Sequence > (after ?? 0))
                    .OrderBy(e => e.Sequence)
                    .Take(Math.Clamp(take ?? 100, 1, 1000))
                    .Select(e => new EntryView(e.Sequence, e.OccurredAt, e.ActorName, e.ActingAs, e.Action, e.EntityType, e.EntityId, e.Hash))
                    .ToListAsync(ct))
            .WithSummary("审计记录（不含案件内容）");
        group.MapGet("/events", async (SearchAuditTrail.Kind? kind, string? user, string? address, DateOnly? from, DateOnly? to, string? text, int? page, int? pageSize,
                SafeHarborDb db, CancellationToken ct) =>
                await SearchAuditTrail.HandleAsync(db, new SearchAuditTrail.Query(kind ?? SearchAuditTrail.Kind.All, user, address, from, to, text, page ?? 1, Math.Clamp(pageSize ?? 50, 1, 500)), ct))
            .WithSummary("安全审计：按类别（Security 安全事件、Accounts 账号角色与组织机构、All 全部）、用户、地址、日期（北京时间）、关键词查询，最新的在前")
            .WithDescription("安全事件与账号、组织机构变更显示详情和地址；案件办理记录只有步骤名称和案件编号，不含案件内容（三员分立）。");
        return app;
    }
}
