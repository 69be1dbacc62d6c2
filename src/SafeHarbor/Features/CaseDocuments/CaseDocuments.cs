using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>A document number issued to one document of one case; the same document keeps its number.</summary>
public sealed class IssuedDocument : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid CaseId { get; set; }
    public DocumentKind Kind { get; set; }
    public int Instance { get; set; }
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public DateOnly IssuedOn { get; set; }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("IssuedDocuments");
        b.HasKey(x => new { x.CaseId, x.Kind, x.Instance });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Number).HasMaxLength(60);
        b.HasIndex(x => new { x.BureauId, x.Number }).IsUnique();
    }
}

/// <summary>Where the document templates are read from; read at each use, so a replaced file counts at once.</summary>
public sealed class DocumentTemplateSource(IConfiguration configuration)
{
    public string Directory => configuration["Documents:TemplateDirectory"] is { Length: > 0 } dir ? dir : DocumentTemplates.DefaultDirectory;

    public DocumentTemplates Load() => DocumentTemplates.LoadFrom(Directory);
}

/// <summary>
/// Renders a case's documents as DOCX in the GB/T 9704-2012 layout. A numbered document gets its
/// 发文字号 from the per-type, per-year sequence the first time it is issued, in a command that is audited.
/// </summary>
public sealed class CaseDocumentService(SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, DocumentTemplateSource templates, TimeProvider time)
{
    public sealed record Rendered(DocumentKind Kind, string FileName, byte[] Content, string? Number);

    public sealed record Availability(DocumentKind Kind, string Slug, string Name, bool Available, string? Reason, int Instances);

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Which documents this case can produce now, and why not the others; only those the actor may see (CaseDisclosure).</summary>
    public async Task<IReadOnlyList<Availability>> ListAsync(Case c, Actor actor, CancellationToken ct)
    {
        DocumentTemplates set;
        try
        {
            set = templates.Load();
        }
        catch (TemplateException e)
        {
            throw new DomainException(ErrorKind.Corrupted, "template-invalid", e.Message);
        }
        var policy = policies.Get(c.PolicyId);
        var result = new List<Availability>();
        foreach (var kind in Enum.GetValues<DocumentKind>().Where(k => actor.Shows(c, k)))
        {
            var data = await DocumentDataBuilder.BuildAsync(db, c, policy, null, ct);
            data["document.date"] = Calendar.ChinaClock.Today(time);
            var instances = await InstancesAsync(c, kind, ct);
            try
            {
                TemplateBinder.Bind(set[kind], data, null);
                result.Add(new Availability(kind, kind.Slug(), kind.Chinese(), true, null, instances));
            }
            catch (DocumentUnavailableException e)
            {
                result.Add(new Availability(kind, kind.Slug(), kind.Chinese(), false, e.Message, instances));
            }
        }
        return result;
    }

    public async Task<Rendered> RenderDocxAsync(Case c, DocumentKind kind, int? instance, Actor actor, CancellationToken ct)
    {
        var template = templates.Load()[kind];
        var policy = policies.Get(c.PolicyId);
        var data = await DocumentDataBuilder.BuildAsync(db, c, policy, instance, ct);
        var today = Calendar.ChinaClock.Today(time);
        data["document.date"] = today;
        // Bound once without a number first: a document the case cannot produce yet never takes a number.
        TemplateBinder.Bind(template, data, null);

        DocumentNumber? number = null;
        if (TemplateBinder.NumberPrefix(template, data) is { } prefix)
        {
            // Only guidance requests and supplement notices come more than once; every other kind is instance 0.
            var instances = await InstancesAsync(c, kind, ct);
            var index = kind is DocumentKind.GuidanceRequest or DocumentKind.SupplementNotice ? instance ?? Math.Max(0, instances - 1) : 0;
            var issued = await IssueAsync(c, kind, index, prefix, TemplateBinder.DateOf(template, data) ?? today, actor, ct);
            number = DocumentNumber.Create(prefix, issued.Year, issued.Sequence);
            data["document.date"] = issued.IssuedOn;
        }
        var document = TemplateBinder.Bind(template, data, number);
        var bytes = Gbt9704Writer.Write(document, DocumentFonts.ForThisMachine, (string)data["bureau.name"]!);
        return new Rendered(kind, $"{c.Number} {kind.Chinese()}.docx", bytes, number?.ToString());
    }

    private async Task<int> InstancesAsync(Case c, DocumentKind kind, CancellationToken ct) => kind switch
    {
        DocumentKind.GuidanceRequest => await db.Set<Verification.GuidanceRequest>().CountAsync(g => g.CaseId == c.Id, ct),
        DocumentKind.SupplementNotice => await db.Set<Verification.SupplementRequest>().CountAsync(s => s.CaseId == c.Id, ct),
        _ => 1,
    };

    private async Task<IssuedDocument> IssueAsync(Case c, DocumentKind kind, int instance, string prefix, DateOnly date, Actor actor, CancellationToken ct)
    {
        var existing = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == c.Id && x.Kind == kind && x.Instance == instance, ct);
        if (existing is not null)
        {
            return existing;
        }
        return await runner.RunAsync(actor, async ctx =>
        {
            // Checked again inside the transaction: two first downloads at once still give one number.
            var again = await ctx.Db.Set<IssuedDocument>().SingleOrDefaultAsync(x => x.CaseId == c.Id && x.Kind == kind && x.Instance == instance, ct);
            if (again is not null)
            {
                return again;
            }
            // Counted per prefix and year: each type has its own prefix, and two types an administrator
            // gives the same prefix still never share a number.
            var sequence = await ctx.NextNumberAsync("doc:" + prefix, date.Year, ct);
            var issued = new IssuedDocument
            {
                CaseId = c.Id, Kind = kind, Instance = instance, Year = date.Year, Sequence = sequence, IssuedOn = date,
                Number = DocumentNumber.Create(prefix, date.Year, sequence).ToString(),
            };
            ctx.Db.Add(issued);
            ctx.Audit("IssueDocumentNumber", "Document", issued.Number, c.Id, "出具文书",
                new { kind = kind.Chinese(), issued.Number, issued.IssuedOn });
            return issued;
        }, ct);
    }
}
