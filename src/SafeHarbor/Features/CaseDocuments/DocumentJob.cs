using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Documents;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.CaseDocuments;

public enum DocumentJobStatus
{
    Pending,
    Running,
    Done,
    Failed,
}

public static class DocumentJobStatuses
{
    public static string Chinese(this DocumentJobStatus status) => status switch
    {
        DocumentJobStatus.Pending => "排队中",
        DocumentJobStatus.Running => "生成中",
        DocumentJobStatus.Done => "已完成",
        DocumentJobStatus.Failed => "失败",
        _ => status.ToString(),
    };
}

/// <summary>
/// One PDF of one document of one case, made off the request path by <see cref="PdfWorker"/>. There is
/// one job per (case, kind, instance, DOCX content): asking again for the same DOCX finds the same job.
/// The DOCX to convert and the PDF made from it are in the shared file store (<see cref="PdfStore"/>).
/// A running job belongs to one node (<see cref="Owner"/>) until <see cref="LeaseUntil"/>; the owner renews
/// the lease while it converts, and any node takes a job whose lease ran out (ADR 13).
/// </summary>
public sealed class DocumentJob : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>Which guidance or supplement request (from 0); 0 for a document a case has once.</summary>
    public int Instance { get; set; }

    /// <summary>The SHA-256 of the DOCX content (<see cref="DocxContentHash"/>), lower-case hex.</summary>
    public required string DocxSha256 { get; set; }

    public string? DocumentNumber { get; set; }

    /// <summary>The name the PDF is downloaded under.</summary>
    public required string FileName { get; set; }

    public DocumentJobStatus Status { get; set; }

    /// <summary>Why the last attempt failed, in Chinese; null unless <see cref="DocumentJobStatus.Failed"/>.</summary>
    public string? Error { get; set; }

    public Guid? RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many times a worker has taken the job.</summary>
    public int Attempts { get; set; }

    public string? PdfSha256 { get; set; }
    public long? PdfSize { get; set; }

    /// <summary>The node converting the job (<c>Node:Name</c> or machine, process id and a random suffix); null unless running.</summary>
    public string? Owner { get; set; }

    /// <summary>Until when <see cref="Owner"/> holds the job; after that another node may take it. Null unless running.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class DocumentJobConfiguration : IEntityTypeConfiguration<DocumentJob>
{
    public void Configure(EntityTypeBuilder<DocumentJob> b)
    {
        b.ToTable("DocumentJobs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DocxSha256).HasMaxLength(64);
        b.Property(x => x.PdfSha256).HasMaxLength(64);
        b.Property(x => x.DocumentNumber).HasMaxLength(60);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Property(x => x.RequestedByName).HasMaxLength(100);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.HasIndex(x => new { x.CaseId, x.Kind, x.Instance, x.DocxSha256 }).IsUnique();
        b.HasIndex(x => new { x.Status, x.RequestedAt });
    }
}

/// <summary>
/// The SHA-256 of what a DOCX says rather than of its bytes. The writer stamps each file with its
/// creation time, and the packaging library gives each file random relationship ids and a random
/// name for its properties part, so two renderings of the same document never have the same bytes.
/// This hash reads the package part by part (in name order) with those three things made neutral,
/// so the same document has the same hash and any change of text, layout or number changes it.
/// </summary>
public static partial class DocxContentHash
{
    public static string Of(byte[] docx)
    {
        Dictionary<string, byte[]> parts;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
            parts = zip.Entries.ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return Convert.ToHexStringLower(SHA256.HashData(docx));
        }

        var names = parts.Keys.Order(StringComparer.Ordinal).ToList();
        // Relationship ids, numbered in the order the relationship parts list them.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.EndsWith(".rels", StringComparison.Ordinal)))
        {
            foreach (Match m in RelationshipId().Matches(Encoding.UTF8.GetString(parts[name])))
            {
                ids.TryAdd(m.Groups["id"].Value, $"rId{ids.Count + 1}");
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in names.Select(n => (Neutral(n), parts[n])).OrderBy(p => p.Item1, StringComparer.Ordinal))
        {
            var bytes = content;
            if (name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal) || name.EndsWith(".psmdcp", StringComparison.Ordinal))
            {
                var text = Neutral(Encoding.UTF8.GetString(content));
                text = CreatedOrModified().Replace(text, "");
                text = QuotedId().Replace(text, m => ids.TryGetValue(m.Groups["id"].Value, out var canonical) ? $"\"{canonical}\"" : m.Value);
                bytes = Encoding.UTF8.GetBytes(text);
            }
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Neutral(string text) => PropertiesPartName().Replace(text, "core-properties/properties.psmdcp");

    [GeneratedRegex(@"core-properties/[0-9a-f]{32}\.psmdcp")]
    private static partial Regex PropertiesPartName();

    [GeneratedRegex(@"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")]
    private static partial Regex CreatedOrModified();

    [GeneratedRegex(@"\bId=""(?<id>[^""]+)""")]
    private static partial Regex RelationshipId();

    [GeneratedRegex(@"""(?<id>R[0-9a-f]{16})""")]
    private static partial Regex QuotedId();
}
