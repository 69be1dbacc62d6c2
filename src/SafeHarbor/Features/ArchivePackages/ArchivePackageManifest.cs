using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafeHarbor.Features.Archive;

namespace SafeHarbor.Features.ArchivePackages;

/// <summary>The parts of a DA/T 22-style archive number (档号): 全宗号-年度-保管期限-机构（问题）代码-件号.</summary>
public sealed record ArchiveNumberParts(string Fonds, int Year, string Retention, string OrganisationCode, string Item)
{
    private static readonly Regex Shape = new(@"^(?<fonds>.+?)-(?<year>\d{4})-(?<retention>[^-]+)-(?<org>.+)-(?<item>\d+)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Splits a number as <see cref="ArchiveCase"/> builds it. The configured 全宗号 and 机构代码 are tried
    /// first, so a code that itself contains "-" still splits right; a number filed under other
    /// settings is split by its shape. Null when the number has neither.
    /// </summary>
    public static ArchiveNumberParts? Parse(string number, ArchiveOptions options)
    {
        var rest = number;
        string? fonds = null;
        if (number.StartsWith(options.Fonds + "-", StringComparison.Ordinal))
        {
            fonds = options.Fonds;
            rest = number[(options.Fonds.Length + 1)..];
        }
        var configured = Regex.Match(rest, $@"^(?<year>\d{{4}})-(?<retention>[^-]+)-{Regex.Escape(options.OrganisationCode)}-(?<item>\d+)$", RegexOptions.CultureInvariant);
        if (fonds is not null && configured.Success && ArchiveApi.Retentions.ContainsKey(configured.Groups["retention"].Value))
        {
            return new(fonds, int.Parse(configured.Groups["year"].Value, CultureInfo.InvariantCulture), configured.Groups["retention"].Value,
                options.OrganisationCode, configured.Groups["item"].Value);
        }
        var m = Shape.Match(number);
        return m.Success && ArchiveApi.Retentions.ContainsKey(m.Groups["retention"].Value)
            ? new(m.Groups["fonds"].Value, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), m.Groups["retention"].Value, m.Groups["org"].Value, m.Groups["item"].Value)
            : null;
    }
}

/// <summary>manifest.json of an archive package. Every file of the package but this one is listed with its size, SHA-256 and SM3.</summary>
public sealed record ArchivePackageManifest(
    string Format,
    int FormatVersion,
    string ArchiveNumber,
    ArchiveNumberParts? ArchiveNumberParts,
    ArchivePackageManifest.RetentionPeriod Retention,
    ArchivePackageManifest.CaseSummary Case,
    DateOnly ArchivedOn,
    string? ArchivedBy,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    ArchivePackageManifest.AuditChainState AuditChain,
    ArchivePackageManifest.CaseRecordState CaseRecord,
    IReadOnlyList<ArchivePackageManifest.PackageFile> Files,
    IReadOnlyList<ArchivePackageManifest.Omission> NotIncluded)
{
    public sealed record RetentionPeriod(string Code, string Name);

    public sealed record CaseSummary(string Number, string Title, string Result, string Policy);

    /// <param name="FinalHash">Hash (SM3) of the case's last audit entry when the package was made.</param>
    /// <param name="FiledHash">The same, as recorded when the case was filed.</param>
    public sealed record AuditChainState(string Algorithm, string FinalHash, int Entries, string FiledHash);

    /// <param name="MatchesFiling">Whether case-record.json has the SM3 and SHA-256 the filing recorded (and the audit chain holds).</param>
    public sealed record CaseRecordState(string Path, string? FiledSha256, string? FiledSm3, bool MatchesFiling);

    /// <param name="Kind">document, evidence, case-record, filing-form or summary.</param>
    /// <param name="Title">What the file is: the document's name and number, or the evidence file's name as uploaded.</param>
    public sealed record PackageFile(string Path, string Kind, string Title, long Size, string Sha256, string Sm3);

    public sealed record Omission(string Document, string Reason);
}

/// <summary>The fixed names of an archive package: its format, its media type and the paths of its own files.</summary>
public static class ArchivePackageFormat
{
    public const string ManifestPath = "manifest.json";

    /// <summary>The SM2 signature of manifest.json's exact bytes (<see cref="ArchivePackageSignature"/>).</summary>
    public const string SignaturePath = "manifest.json.sig";
    public const string FormatName = "safeharbor-archive-package";

    /// <summary>2: the manifest is signed (manifest.json.sig).</summary>
    public const int FormatVersion = 2;
    public const string ZipType = "application/zip";
    public const string FilingFormDocx = "备案登记表.docx";
    public const string FilingFormText = "备案登记表.txt";
    public const string CaseRecordPath = "case-record.json";

    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>
/// manifest.json.sig: the installation's SM2 signature (with SM3, default user ID) of manifest.json's bytes, and the key
/// that made it. The key inside proves nothing alone: <c>archive verify</c> names it by fingerprint and checks it against
/// the installation's key or the one given.
/// </summary>
public sealed record ArchivePackageSignature(string Algorithm, string PublicKey, string KeyFingerprint, string Signature)
{
    public const string AlgorithmName = "SM2-SM3";
}
