using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Archive;

/// <summary>Archive numbering in the style of DA/T 22 (全宗号-年度-保管期限-机构-件号); every part but the year and item is configurable.</summary>
public sealed class ArchiveOptions
{
    /// <summary>全宗号 of the bureau.</summary>
    public string Fonds { get; set; } = "J031";

    /// <summary>机构（问题）代码 of the filing body.</summary>
    public string OrganisationCode { get; set; } = "JGDW";

    /// <summary>保管期限 code when the archivist does not choose one: Y (永久), D30 (30年), D10 (10年).</summary>
    public string DefaultRetention { get; set; } = "D30";
}

public sealed record ManifestItem(string Kind, string Name, long Size, string Sha256, string Sm3);

/// <summary>Art. 5(6): the filing record: archive number, retention, every document with its hashes, the case's last audit hash.</summary>
public sealed class ArchiveRecord
{
    public Guid CaseId { get; set; }
    public required string ArchiveNumber { get; set; }
    public required string Retention { get; set; }
    public DateOnly ArchivedOn { get; set; }
    public Guid ArchivedBy { get; set; }
    public required string ManifestJson { get; set; }
    public required string AuditChainHash { get; set; }
    public string? Note { get; set; }
}

internal sealed class ArchiveRecordConfiguration : IEntityTypeConfiguration<ArchiveRecord>
{
    public void Configure(EntityTypeBuilder<ArchiveRecord> b)
    {
        b.ToTable("ArchiveRecords");
        b.HasKey(a => a.CaseId);
        b.Property(a => a.ArchiveNumber).HasMaxLength(60);
        b.HasIndex(a => a.ArchiveNumber).IsUnique();
        b.Property(a => a.Retention).HasMaxLength(10);
        b.Property(a => a.AuditChainHash).HasMaxLength(64);
        b.Property(a => a.Note).HasMaxLength(1000);
    }
}

[Article("5(6)")]
public static class ArchiveApi
{
    public static readonly IReadOnlyDictionary<string, string> Retentions = new Dictionary<string, string>
    {
        ["Y"] = "永久", ["D30"] = "定期30年", ["D10"] = "定期10年",
    };

    public sealed record ArchiveRequest(string? Retention, string? Note);

    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId:guid}/archive", async (Guid caseId, ArchiveRequest r, HttpContext http, Actor actor, CommandRunner runner, ArchiveOptions options, CancellationToken ct) =>
                HttpVersioning.WithVersion(await ArchiveAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, options, ct), http))
            .RequireAuthorization()
            .WithTags("备案")
            .WithSummary("存档备案：生成档号、材料清单及哈希，案件转为只读");
        return app;
    }

    /// <summary>The case facts as filed (案件记录): the bytes whose hashes the filing records; the archive package carries the same bytes.</summary>
    public static byte[] CaseRecordJson(Case c) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        c.Number, c.Title, c.Description, c.BusinessField, c.AccountabilityStartedOn, c.ApplicationDeadline,
        subjects = c.Subjects.Select(s => s.Name), c.Application, claims = c.Claims, findings = c.Findings, c.Report, c.Decision, c.ClosingReason,
    }, AuditLog.DetailsJson);

    public static Task<CaseSnapshot> ArchiveAsync(Guid caseId, int? version, ArchiveRequest r, Actor actor, CommandRunner runner, ArchiveOptions options, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Archive, async (ctx, c, policy) =>
        {
            var retention = string.IsNullOrWhiteSpace(r.Retention) ? options.DefaultRetention : r.Retention.Trim();
            new Validation()
                .Require(Retentions.ContainsKey(retention), "retention", $"保管期限应为：{string.Join("、", Retentions.Select(x => $"{x.Key}（{x.Value}）"))}。")
                .Require(r.Note is null || r.Note.Length <= 1000, "note", "备注不能超过 1000 字。")
                .ThrowIfInvalid();

            var item = await ctx.NextNumberAsync("archive", ctx.Today.Year, ct);
            var number = $"{options.Fonds}-{ctx.Today.Year}-{retention}-{options.OrganisationCode}-{item:0000}";
            var evidence = await ctx.Db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
            var record = CaseRecordJson(c);
            var manifest = new List<ManifestItem>
            {
                new("case-record", $"{c.Number} 案件记录.json", record.Length, Convert.ToHexStringLower(SHA256.HashData(record)), Sm3.HashHex(record)),
            };
            manifest.AddRange(evidence.Select(f => new ManifestItem("evidence", f.FileName, f.Size, f.Sha256, f.Sm3)));
            var lastAudit = await ctx.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id)
                .OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.GenesisHash;

            c.Archive(number, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["archiveNumber"] = number,
                ["retention"] = Retentions[retention],
                ["documents"] = manifest.Select(m => $"{m.Name} SM3:{m.Sm3}").ToArray(),
                ["auditChainHash"] = lastAudit,
            });
            ctx.Db.Add(new ArchiveRecord
            {
                CaseId = c.Id,
                ArchiveNumber = number,
                Retention = retention,
                ArchivedOn = ctx.Today,
                ArchivedBy = actor.UserId,
                ManifestJson = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(manifest, AuditLog.DetailsJson)),
                AuditChainHash = lastAudit,
                Note = r.Note?.Trim(),
            });
        }, ct);
}
