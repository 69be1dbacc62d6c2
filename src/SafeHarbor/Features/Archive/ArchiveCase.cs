using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Archive;

/// <summary>Files the case: archive number, the list of documents with their hashes, the last audit hash; the case becomes read-only.</summary>
public static class ArchiveCase
{
    public sealed record ArchiveRequest(string? Retention, string? Note);

    /// <summary>The case facts as filed (案件记录): the bytes whose hashes the filing records; the archive package carries the same bytes.</summary>
    public static byte[] CaseRecordJson(Case c) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        c.Number, c.Title, c.Description, c.BusinessField, c.AccountabilityStartedOn, c.ApplicationDeadline,
        subjects = c.Subjects.Select(s => s.Name), c.Application, claims = c.Claims, findings = c.Findings, c.Report, c.Decision, c.ClosingReason,
    }, AuditLog.DetailsJson);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, ArchiveRequest r, Actor actor, CommandRunner runner, ArchiveOptions options, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Archive, async (ctx, c, policy) =>
        {
            var retentions = ArchiveApi.Retentions;
            var retention = string.IsNullOrWhiteSpace(r.Retention) ? options.DefaultRetention : r.Retention.Trim();
            new Validation()
                .Require(retentions.ContainsKey(retention), "retention", $"保管期限应为：{string.Join("、", retentions.Select(x => $"{x.Key}（{x.Value}）"))}。")
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
            var manifestJson = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(manifest, AuditLog.DetailsJson));
            var lastAudit = await ctx.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id)
                .OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.GenesisHash;

            c.Archive(number, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["archiveNumber"] = number,
                ["retention"] = retentions[retention],
                ["documents"] = manifest.Select(m => $"{m.Name} SM3:{m.Sm3}").ToArray(),
                ["auditChainHash"] = lastAudit,
                // The filing record's manifest as stored, so `audit verify` and the archive export can check the row against the chain.
                ["manifestSm3"] = Sm3.HashHex(manifestJson),
            });
            ctx.Db.Add(new ArchiveRecord
            {
                CaseId = c.Id,
                ArchiveNumber = number,
                Retention = retention,
                ArchivedOn = ctx.Today,
                ArchivedBy = actor.UserId,
                ManifestJson = manifestJson,
                AuditChainHash = lastAudit,
                Note = r.Note?.Trim(),
            });
        }, ct);
}
