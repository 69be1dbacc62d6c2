using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Checkpoints;

/// <summary>The audit administrator downloads the signed checkpoints of the bureau, to keep them away from the servers too.</summary>
public static class CheckpointsApi
{
    public sealed record CheckpointView(long Sequence, string Hash, DateTimeOffset SignedAt, string KeyFingerprint, string Download);

    public sealed record CheckpointList(string BureauCode, string PublicKey, string KeyFingerprint, IReadOnlyList<CheckpointView> Checkpoints);

    public static IServiceCollection AddCheckpoints(this IServiceCollection services)
    {
        services.AddSingleton(sp => AuditOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new AuditSigningKey(sp.GetRequiredService<AuditOptions>()));
        services.AddSingleton(sp => new CheckpointStore(sp.GetRequiredService<AuditOptions>().CheckpointDirectory));
        return services;
    }

    public static IEndpointRouteBuilder MapCheckpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit/checkpoints").WithTags("审计").RequireRoles(Role.AuditAdmin);
        group.MapGet("", async (Actor actor, SafeHarborDb db, CheckpointStore store, AuditSigningKey key, int? take, CancellationToken ct) =>
            {
                var code = await BureauCodeAsync(db, actor, ct);
                var views = store.Read(code).Where(f => f.Checkpoint is not null).Select(f => f.Checkpoint!).OrderByDescending(c => c.Sequence)
                    .Take(Math.Clamp(take ?? 20, 1, 1000))
                    .Select(c => new CheckpointView(c.Sequence, c.Hash, c.SignedAt, c.KeyFingerprint, $"/api/audit/checkpoints/{c.Sequence}"))
                    .ToList();
                return new CheckpointList(code, key.Signer.PublicKeyHex, key.Signer.Fingerprint, views);
            })
            .WithSummary("本局最新的签名检查点（链尾的 SM2 签名，保存在数据库之外），以及本系统的公钥和指纹");
        group.MapGet("/{sequence:long}", async (long sequence, Actor actor, SafeHarborDb db, CheckpointStore store, CancellationToken ct) =>
            {
                var code = await BureauCodeAsync(db, actor, ct);
                var path = store.PathOf(code, sequence);
                return File.Exists(path)
                    ? Results.File(await File.ReadAllBytesAsync(path, ct), "application/json", $"{code}-{sequence}.json")
                    : throw DomainException.NotFound("checkpoint-not-found", $"本局没有第 {sequence} 条的签名检查点。");
            })
            .WithSummary("下载一个签名检查点（JSON：局代码、序号、哈希、签名时间、密钥指纹、SM2 签名）；用 safeharbor audit verify --checkpoints 目录 校验");
        return app;
    }

    private static Task<string> BureauCodeAsync(SafeHarborDb db, Actor actor, CancellationToken ct) =>
        db.Bureaus.AsNoTracking().Where(b => b.Id == actor.BureauId).Select(b => b.Code).SingleAsync(ct);
}
