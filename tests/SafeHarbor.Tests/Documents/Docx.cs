using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SafeHarbor.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeHarbor.Tests.Documents;

/// <summary>A rendered DOCX opened read-only, with what the layout tests look at.</summary>
internal sealed class Docx : IDisposable
{
    private readonly MemoryStream stream;

    public Docx(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        Package = WordprocessingDocument.Open(stream, isEditable: false);
    }

    public WordprocessingDocument Package { get; }
    public MainDocumentPart Main => Package.MainDocumentPart!;
    public W.Body Body => Main.Document!.Body!;
    public W.SectionProperties Section => Assert.Single(Body.Elements<W.SectionProperties>());
    public W.Styles Styles => Main.StyleDefinitionsPart!.Styles!;
    public W.Settings Settings => Main.DocumentSettingsPart!.Settings!;

    /// <summary>What the Open XML SDK's schema validator finds, one line per error with part and path.</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    /// <summary>The body's paragraphs outside tables, in order.</summary>
    public IReadOnlyList<W.Paragraph> TopParagraphs => Body.Elements<W.Paragraph>().ToList();

    public IReadOnlyList<string> TopTexts => TopParagraphs.Select(TextOf).ToList();

    public static string TextOf(OpenXmlElement element) => DocxText.Of(element);

    /// <summary>The single top-level paragraph whose whole text is <paramref name="text"/>.</summary>
    public W.Paragraph Paragraph(string text) =>
        Assert.Single(TopParagraphs, p => TextOf(p) == text);

    public W.Footer FooterOf(W.HeaderFooterValues type)
    {
        var reference = Assert.Single(Section.Elements<W.FooterReference>(), r => r.Type?.Value == type);
        return ((FooterPart)Main.GetPartById(reference.Id!.Value!)).Footer!;
    }

    public void Dispose()
    {
        Package.Dispose();
        stream.Dispose();
    }
}
