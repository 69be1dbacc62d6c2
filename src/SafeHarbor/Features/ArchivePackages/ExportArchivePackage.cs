using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Crypto;
using SafeHarbor.Documents;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.CaseIntegrity;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ArchivePackages;

/// <summary>What exporting an archive package needs; resolved from a scope, so neither the web app nor the CLI registers anything more.</summary>
public sealed record ArchivePackageServices(
    SafeHarborDb Db, CaseDocumentService Documents, EvidenceStore Store, ArchiveOptions Options, PolicyCatalog Policies,
    TimeProvider Time, ILoggerFactory Logs, AuditSigningKey Key)
{
    public static ArchivePackageServices From(IServiceProvider services) => new(
        services.GetRequiredService<SafeHarborDb>(), services.GetRequiredService<CaseDocumentService>(), services.GetRequiredService<EvidenceStore>(),
        services.GetRequiredService<ArchiveOptions>(), services.GetRequiredService<PolicyCatalog>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<AuditSigningKey>());
}

/// <summary>
/// The archive package (归档包) of a filed case: one ZIP with every document (DOCX) and evidence file,
/// the case record, the 备案登记表 (DOCX and plain text) and manifest.json with the archive number,
/// retention, the case's final audit-chain hash and the SHA-256 and SM3 of every file. <see cref="Verify"/>
/// checks a package against its manifest without the database.
/// </summary>
public static class ExportArchivePackage
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public sealed record Exported(string FileName, string ArchiveNumber, string CaseNumber, int FileCount);

    /// <summary>Who exported, as the manifest records it.</summary>
    public static string Describe(Actor actor) => $"{actor.DisplayName}（{actor.UserName}）";

    /// <summary>
    /// Writes the package of a filed case the actor may see to <paramref name="destination"/>. Refuses
    /// a case not yet filed (409) and fails, writing nothing usable, when an evidence file does not match
    /// its registered hashes. Rendering may issue document numbers not issued before (audited, as a
    /// download would); the audit hash is read after that, so the manifest names the real last entry.
    /// </summary>
    public static async Task<Exported> ExportAsync(Guid caseId, Actor actor, string exportedBy, Stream destination, ArchivePackageServices s, CancellationToken ct)
    {
        var c = await s.Db.LoadVisibleCaseAsync(caseId, actor, ct);
        actor.EnsureShows(c, CaseSection.Archive);
        var record = await s.Db.Set<ArchiveRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == c.Id, ct);
        if (c.Status != CaseStatus.Archived || record is null)
        {
            throw DomainException.Conflict("case-not-archived",
                $"案件 {c.Number} 尚未存档备案（当前状态：{c.Status.Chinese()}），不能导出归档包。局机关党委存档备案后方可导出。");
        }
        // Rows edited after filing (an outcome changed in the database, result records deleted) would be packaged as if
        // filed so, and documents that depend on them silently left out: refused instead, naming what disagrees.
        var disagreements = await CaseStateVerification.VerifyCaseAsync(s.Db, c, s.Policies, ct);
        if (disagreements.Count > 0)
        {
            throw DomainException.Conflict("case-disagrees-with-filing",
                $"归档包未导出：案件 {c.Number} 的数据与备案时的记录或审计日志不符（{string.Join("", disagreements.Select(d => d.Message))}）请审计管理员运行 safeharbor audit verify 核查。");
        }
        var policy = s.Policies.Get(c.PolicyId);
        var now = s.Time.GetUtcNow();
        var exportedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var data = await DocumentDataBuilder.BuildAsync(s.Db, c, policy, null, ct);
        var result = data["case.status"] as string ?? c.Status.Chinese();

        // Documents first: a first rendering may issue a number, which is an audited step of the case.
        var documents = new List<(string Name, CaseDocumentService.Rendered Rendered)>();
        var omitted = new List<ArchivePackageManifest.Omission>();
        CaseDocumentService.Rendered? filingForm = null;
        var producible = await s.Documents.ListAsync(c, actor, ct);
        foreach (var available in producible.Where(a => a.Available))
        {
            var several = available.Kind is DocumentKind.GuidanceRequest or DocumentKind.SupplementNotice && available.Instances > 0;
            var instances = several ? Enumerable.Range(0, available.Instances).Select(i => (int?)i) : new int?[] { null };
            foreach (var instance in instances)
            {
                var label = available.Instances > 1 && instance is { } i ? $"{available.Name}（第{i + 1}份）" : available.Name;
                try
                {
                    var rendered = await RenderAsync(s.Documents, c, available.Kind, instance, actor, ct);
                    if (available.Kind == DocumentKind.FilingForm)
                    {
                        filingForm = rendered;
                        continue;
                    }
                    documents.Add((rendered.Number is { } n ? $"{label}（{n}）" : label, rendered));
                }
                catch (DocumentUnavailableException e)
                {
                    omitted.Add(new(label, e.Message));
                }
            }
        }
        if (filingForm is null)
        {
            var reason = producible.FirstOrDefault(a => a.Kind == DocumentKind.FilingForm)?.Reason
                ?? omitted.FirstOrDefault(o => o.Document == DocumentKind.FilingForm.Chinese())?.Reason;
            throw DomainException.Conflict("document-unavailable", $"归档包未导出：备案登记表无法生成（{reason}）。");
        }

        var lastAudit = await s.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id)
            .OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.GenesisHash;
        var auditCount = await s.Db.AuditEntries.AsNoTracking().CountAsync(e => e.CaseId == c.Id, ct);
        var archivedBy = await s.Db.Users.AsNoTracking().Where(u => u.Id == record.ArchivedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var filedItems = JsonSerializer.Deserialize<List<ManifestItem>>(record.ManifestJson, AuditLog.DetailsJson) ?? [];
        var filedRecord = filedItems.FirstOrDefault(m => m.Kind == "case-record");

        using var writer = new ArchivePackageWriter(destination, exportedAt);
        foreach (var (name, rendered) in documents)
        {
            writer.Add("documents", $"{name}.docx", "document", name, rendered.Content);
        }

        var evidence = await s.Db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).ToListAsync(ct);
        foreach (var f in evidence.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id))
        {
            await AddEvidenceAsync(writer, c, f, actor, s, ct);
        }

        var caseRecord = ArchiveCase.CaseRecordJson(c);
        var recordFile = writer.Add(null, ArchivePackageFormat.CaseRecordPath, "case-record", $"{c.Number} 案件记录（备案时的案件事实）", caseRecord);
        writer.Add(null, ArchivePackageFormat.FilingFormDocx, "filing-form", "备案登记表", filingForm.Content);

        var retention = new ArchivePackageManifest.RetentionPeriod(record.Retention, ArchiveApi.Retentions.GetValueOrDefault(record.Retention, record.Retention));
        var manifest = new ArchivePackageManifest(
            ArchivePackageFormat.FormatName, ArchivePackageFormat.FormatVersion, record.ArchiveNumber, ArchiveNumberParts.Parse(record.ArchiveNumber, s.Options), retention,
            new(c.Number, c.Title, result, policy.DocumentNumber),
            record.ArchivedOn, archivedBy, exportedAt, exportedBy,
            new("SM3", lastAudit, auditCount, record.AuditChainHash),
            new(ArchivePackageFormat.CaseRecordPath, filedRecord?.Sha256, filedRecord?.Sm3,
                filedRecord is not null && filedRecord.Sha256 == recordFile.Sha256 && filedRecord.Sm3 == recordFile.Sm3),
            [], omitted);

        writer.Add(null, ArchivePackageFormat.FilingFormText, "summary", "备案登记表（纯文本）", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SummaryText(manifest with { Files = writer.Files }, c, data))).ToArray());
        var count = writer.Files.Count;
        writer.Finish(manifest with { Files = [.. writer.Files] }, s.Key.Signer);
        return new Exported($"{record.ArchiveNumber} 归档包.zip", record.ArchiveNumber, c.Number, count);
    }

    /// <summary>Exports into a temporary file (deleted when the returned stream is closed), so a failure never sends half a package.</summary>
    public static async Task<(Stream Content, Exported Exported)> ExportToTempFileAsync(Guid caseId, Actor actor, string exportedBy, ArchivePackageServices s, CancellationToken ct)
    {
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"safeharbor-archive-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var exported = await ExportAsync(caseId, actor, exportedBy, temp, s, ct);
            temp.Position = 0;
            return (temp, exported);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<CaseDocumentService.Rendered> RenderAsync(CaseDocumentService documents, Case c, DocumentKind kind, int? instance, Actor actor, CancellationToken ct)
    {
        try
        {
            return await documents.RenderDocxAsync(c, kind, instance, actor, ct);
        }
        catch (TemplateException e)
        {
            throw new DomainException(ErrorKind.Corrupted, "template-invalid", $"归档包未导出：{kind.Chinese()}的模板有误（{e.Message}）。");
        }
    }

    /// <summary>Through the hash-checked path, and hashed again while copied: a file changed in between fails the export too.</summary>
    private static async Task AddEvidenceAsync(ArchivePackageWriter writer, Case c, EvidenceFile f, Actor actor, ArchivePackageServices s, CancellationToken ct)
    {
        var refused = new DomainException(ErrorKind.Corrupted, "archive-evidence-corrupted",
            $"归档包未导出：案件 {c.Number} 的证明材料“{f.FileName}”未通过哈希校验（存储中缺失，或内容与登记的 SHA-256/SM3 不符，可能已损坏或被篡改）。请联系系统管理员核查该文件。");
        Stream content;
        try
        {
            (_, content) = await OpenEvidence.HandleAsync(c.Id, f.Id, actor, s.Db, s.Store, s.Logs, ct);
        }
        catch (DomainException e) when (e.Code == "evidence-corrupted")
        {
            throw refused;
        }
        await using (content)
        {
            var added = await writer.AddAsync("evidence", f.FileName, "evidence", f.FileName, content, ct);
            if (added.Sha256 != f.Sha256 || added.Sm3 != f.Sm3)
            {
                s.Logs.CreateLogger("Evidence").LogError("Evidence {FileId} of case {CaseId} changed while it was packaged", f.Id, c.Id);
                throw refused;
            }
        }
    }

    private static string SummaryText(ArchivePackageManifest m, Case c, DocumentData data)
    {
        static string Date(object? value) => value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };
        var lines = new List<string>
        {
            "容错免责事项备案登记表（归档包说明）",
            "",
            $"档号：{m.ArchiveNumber}",
        };
        if (m.ArchiveNumberParts is { } p)
        {
            lines.Add($"　　全宗号 {p.Fonds}；年度 {p.Year}；保管期限 {p.Retention}；机构代码 {p.OrganisationCode}；件号 {p.Item}");
        }
        lines.AddRange(
        [
            $"保管期限：{m.Retention.Name}（{m.Retention.Code}）",
            $"案件编号：{m.Case.Number}",
            $"事项名称：{m.Case.Title}",
            $"问责对象：{string.Join("、", c.Subjects.Select(x => x.Name))}",
            $"业务领域：{c.BusinessField}",
            $"启动问责：{c.StartedBy}，{Date(c.AccountabilityStartedOn)}",
        ]);
        if (c.Application is { } a)
        {
            lines.Add($"申请人：{a.ApplicantName}，{Date(a.SubmittedOn)}申请");
        }
        lines.Add($"办理结果：{m.Case.Result}");
        if (c.Decision is { } d)
        {
            lines.Add($"认定日期：{Date(d.DecidedOn)}");
        }
        if (data["feedback.deliveredOn"] is DateOnly delivered)
        {
            lines.Add($"反馈送达：{Date(delivered)}");
        }
        if (data["publication.publishedOn"] is DateOnly published)
        {
            lines.Add($"公开日期：{Date(published)}");
        }
        lines.AddRange(
        [
            $"备案日期：{Date(m.ArchivedOn)}{(m.ArchivedBy is { } by ? $"，备案人 {by}" : "")}",
            $"适用办法：{m.Case.Policy}",
            $"导出时间：{m.ExportedAt.ToOffset(ChinaOffset):yyyy-MM-dd HH:mm:ss}（北京时间）",
            $"导出人：{m.ExportedBy}",
            $"审计链哈希（SM3，本案最后一条审计记录，共 {m.AuditChain.Entries} 条）：{m.AuditChain.FinalHash}",
            $"备案时的审计链哈希：{m.AuditChain.FiledHash}",
            $"案件记录（{m.CaseRecord.Path}）{(m.CaseRecord.MatchesFiling ? "与备案时登记的哈希一致" : "与备案时登记的哈希不一致，请核查")}",
            "",
            $"归档文件（{m.Files.Count} 个；本表和 manifest.json 除外，manifest.json 另列有本表的哈希）：",
        ]);
        var index = 0;
        foreach (var f in m.Files)
        {
            index++;
            var named = f.Title == Path.GetFileNameWithoutExtension(f.Path) || f.Title == Path.GetFileName(f.Path);
            lines.Add($"{index,3}. {f.Path}（{(named ? "" : f.Title + "，")}{f.Size} 字节）");
            lines.Add($"     SM3     {f.Sm3}");
            lines.Add($"     SHA-256 {f.Sha256}");
        }
        if (m.NotIncluded.Count > 0)
        {
            lines.Add("");
            lines.Add("未能生成的公文：");
            lines.AddRange(m.NotIncluded.Select(o => $"  {o.Document}：{o.Reason}"));
        }
        lines.AddRange(
        [
            "",
            "校验方法：safeharbor archive verify 本归档包.zip —— 校验清单的 SM2 签名（manifest.json.sig，写明签名密钥的指纹），",
            "逐一重算每个文件的 SHA-256 和 SM3，指出内容被修改、缺失或多出的文件。",
        ]);
        return string.Join("\r\n", lines) + "\r\n";
    }

}
