using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SafeHarbor.Documents;
using SafeHarbor.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>A DOCX the app produced, opened read-only, with the GB/T 9704-2012 checks every document must pass.</summary>
public sealed partial class RenderedDocx : IDisposable
{
    private readonly MemoryStream stream;

    public RenderedDocx(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        Package = WordprocessingDocument.Open(stream, isEditable: false);
    }

    /// <summary>Downloads a document of a case through the API (as 局办公室 unless told), failing with the answer when refused.</summary>
    public static async Task<RenderedDocx> DownloadAsync(Support.TestApp app, Support.CaseRef c, string kind, string user = "office")
    {
        using var response = await app.As(user).GetAsync($"{c.Url}/documents/{kind}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return new RenderedDocx(bytes);
    }

    public WordprocessingDocument Package { get; }
    public MainDocumentPart Main => Package.MainDocumentPart!;
    public W.Body Body => Main.Document!.Body!;

    /// <summary>Every paragraph of the body (tables included), as text, in order.</summary>
    public IReadOnlyList<string> Paragraphs => Body.Descendants<W.Paragraph>().Select(TextOf).ToList();

    public string Text => string.Join("\n", Paragraphs);

    /// <summary>Document numbers in the body: paragraphs that are a number of this bureau and nothing else.</summary>
    public IReadOnlyList<string> Numbers => Paragraphs.Where(p => BureauNumber().IsMatch(p)).ToList();

    /// <summary>青市监…〔YYYY〕N号: the demo bureau's code, 六角括号, no leading zero, no 第.</summary>
    [GeneratedRegex(@"^青市监[^\s〔〕第]*〔20\d\d〕[1-9]\d*号$")]
    public static partial Regex BureauNumber();

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public static string TextOf(OpenXmlElement element) => DocxText.Of(element);

    private static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What is wrong with the page layout, empty when none: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm to the
    /// twip, 22 lines, mirrored margins, the body face at 3号 with exact spacing of one grid line, the title at 2号.
    /// </summary>
    public IReadOnlyList<string> LayoutProblems(string title, DocumentFonts fonts)
    {
        var problems = new List<string>();
        void Expect(object? expected, object? actual, string what)
        {
            if (!Equals(expected, actual))
            {
                problems.Add($"{what}: expected {expected}, got {actual}");
            }
        }
        var section = Body.Elements<W.SectionProperties>().SingleOrDefault();
        if (section is null)
        {
            return ["no section properties"];
        }
        var size = section.GetFirstChild<W.PageSize>();
        Expect(11906u, size?.Width?.Value, "page width");
        Expect(16838u, size?.Height?.Value, "page height");
        var margin = section.GetFirstChild<W.PageMargin>();
        Expect(Twips(37), margin?.Top?.Value, "top margin (天头 37 mm)");
        Expect((uint)Twips(28), margin?.Left?.Value, "binding margin (订口 28 mm)");
        Expect((uint)(11906 - Twips(28) - Twips(156)), margin?.Right?.Value, "outer margin (版心 156 mm wide)");
        Expect(16838 - Twips(37) - Twips(225), margin?.Bottom?.Value, "bottom margin (版心 225 mm high)");
        var pitch = section.GetFirstChild<W.DocGrid>()?.LinePitch?.Value ?? 0;
        if (!(pitch * 22 <= Twips(225) && (pitch + 1) * 22 > Twips(225)))
        {
            problems.Add($"line pitch {pitch} does not give 22 lines in {Twips(225)} twips");
        }
        var settings = Main.DocumentSettingsPart?.Settings;
        if (settings?.GetFirstChild<W.MirrorMargins>() is null || settings.GetFirstChild<W.EvenAndOddHeaders>() is null)
        {
            problems.Add("not double-sided (mirror margins, even and odd footers)");
        }
        var normal = Main.StyleDefinitionsPart?.Styles?.Elements<W.Style>().SingleOrDefault(s => s.StyleId?.Value == "Normal");
        Expect(fonts.Body, normal?.StyleRunProperties?.RunFonts?.EastAsia?.Value, "Normal style font");
        Expect("32", normal?.StyleRunProperties?.FontSize?.Val?.Value, "Normal style size (3号)");
        Expect(pitch.ToString(CultureInfo.InvariantCulture), normal?.StyleParagraphProperties?.SpacingBetweenLines?.Line?.Value, "Normal line spacing");
        Expect(W.LineSpacingRuleValues.Exact, normal?.StyleParagraphProperties?.SpacingBetweenLines?.LineRule?.Value, "Normal line rule");
        var titleRun = Body.Elements<W.Paragraph>().FirstOrDefault(p => TextOf(p) == title)?.Elements<W.Run>().FirstOrDefault();
        if (titleRun is null)
        {
            problems.Add($"no title paragraph “{title}”");
        }
        else
        {
            Expect("44", titleRun.RunProperties?.FontSize?.Val?.Value, "title size (2号)");
            Expect(fonts.Title, titleRun.RunProperties?.RunFonts?.EastAsia?.Value, "title font");
        }
        var description = Package.PackageProperties.Description ?? "";
        if (fonts.Substitutions.Count > 0 != description.Contains("字体替代", StringComparison.Ordinal))
        {
            problems.Add($"document properties do not match the font substitutions ({fonts.Substitutions.Count}): “{description}”");
        }
        return problems;
    }

    /// <summary>The title as the document properties carry it, without the number in brackets.</summary>
    public string Title
    {
        get
        {
            var title = Package.PackageProperties.Title ?? "";
            var open = title.LastIndexOf('（');
            return open > 0 && title.EndsWith('）') && DocumentNumber.IsWellFormed(title[(open + 1)..^1]) ? title[..open] : title;
        }
    }

    public void Dispose()
    {
        Package.Dispose();
        stream.Dispose();
    }
}
