using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SafeHarbor.Documents;
using Block = SafeHarbor.Documents.Block;
using DocHeading = SafeHarbor.Documents.Heading;
using DocParagraph = SafeHarbor.Documents.Paragraph;
using DocTable = SafeHarbor.Documents.Table;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeHarbor.Tests.Documents;

/// <summary>
/// The GB/T 9704-2012 layout of a hand-built document: schema-valid DOCX, A4 with 天头 37 mm and 订口 28 mm,
/// 版心 156 × 225 mm to the twip, 22 lines, 3号仿宋 body, 2号小标宋 title, 4号 page numbers “— 1 —”
/// alternating sides, a red letterhead, the 版记, and font substitutions declared in the properties.
/// </summary>
public sealed class Gbt9704WriterTests
{
    /// <summary>Millimetres to twips (1 inch = 25.4 mm = 1440 twips), computed here, not by the writer.</summary>
    private static double ExactTwips(double mm) => mm * 1440 / 25.4;

    private static int Twips(double mm) => (int)Math.Round(ExactTwips(mm), MidpointRounding.AwayFromZero);

    internal static readonly DocumentFonts Official = DocumentFonts.Choose(new HashSet<string> { "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体" });

    internal static readonly DocumentFonts Noto = DocumentFonts.Choose(new HashSet<string> { "Noto Serif CJK SC", "Noto Sans CJK SC" });

    internal static OfficialDocument Sample(Colophon? colophon = null, DocumentLayout layout = DocumentLayout.Document) => new(
        "结果反馈通知书",
        layout,
        "中共信阳市市场监督管理局党组",
        DocumentNumber.Create("信市监", 2026, 12),
        "关于何晓峰容错免责申请认定结果的通知",
        "何晓峰：",
        new Block[]
        {
            new DocParagraph("你于2026年6月1日提出的容错免责申请收悉。现将认定结果通知如下："),
            new DocHeading("一、认定结果", 1),
            new DocParagraph("予以容错免责。"),
            new DocHeading("（一）结果运用", 2),
            new PlainLine("附件：调查报告"),
            new DocTable([["条款", "事项"], ["第四条第（一）项", "执行上级决策部署"]], HasHeader: true),
            new DocTable([["档号", "2026-D30-001"], ["案件编号", "2026-0001"]], HasHeader: false),
            new DocParagraph("特此通知。"),
        },
        "中共信阳市市场监督管理局党组",
        new DateOnly(2026, 11, 26),
        colophon);

    private static readonly Colophon FullColophon = new("机关纪委，机关党委。", "信阳市市场监督管理局办公室", new DateOnly(2026, 11, 27));

    private static Docx Render(OfficialDocument document, DocumentFonts? fonts = null) =>
        new(Gbt9704Writer.Write(document, fonts ?? Official, "信阳市市场监督管理局"));

    public static TheoryData<string> Variants() => ["document with colophon", "document with colophon without copy-to", "document without colophon", "record", "form", "substituted fonts"];

    private static OfficialDocument Variant(string name) => name switch
    {
        "document with colophon" => Sample(FullColophon),
        "document with colophon without copy-to" => Sample(FullColophon with { CopyTo = null }),
        "document without colophon" => Sample(),
        "record" => Sample(layout: DocumentLayout.Record) with { Letterhead = null, Number = null, Recipient = null },
        "form" => Sample(layout: DocumentLayout.Form) with { Letterhead = null, Number = null, Recipient = null, Signature = null },
        _ => Sample(FullColophon),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_docx_opens_and_the_open_xml_validator_finds_no_errors(string variant)
    {
        using var docx = Render(Variant(variant), variant == "substituted fonts" ? Noto : Official);

        var errors = docx.ValidationErrors();

        Assert.True(errors.Count == 0, $"{variant}: {errors.Count} validation errors:\n" + string.Join("\n", errors));
    }

    // The three tests below look at one part of the document each, so that a schema error points at its cause.

    [Fact]
    public void The_settings_part_is_schema_valid()
    {
        using var docx = Render(Sample() with { Body = [new DocParagraph("正文。")] });

        var errors = docx.ValidationErrors().Where(e => e.StartsWith("/word/settings.xml", StringComparison.Ordinal)).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Table_properties_are_schema_valid()
    {
        using var docx = Render(Sample());

        var errors = docx.ValidationErrors().Where(e => e.Contains("/w:tbl[", StringComparison.Ordinal)).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_colophon_paragraphs_are_schema_valid()
    {
        using var docx = Render(Sample(FullColophon) with { Body = [new DocParagraph("正文。")] });
        var paragraphs = docx.Body.Elements<W.Paragraph>().ToList();
        var colophon = new[] { "抄送：机关纪委，机关党委。", "信阳市市场监督管理局办公室\t2026年11月27日印发" }
            .Select(t => $"/w:p[{paragraphs.FindIndex(p => Docx.TextOf(p) == t) + 1}]/")
            .ToList();

        var errors = docx.ValidationErrors().Where(e => colophon.Any(e.Contains)).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_page_is_a4_portrait_in_twips()
    {
        using var docx = Render(Sample());

        var size = Assert.Single(docx.Section.Elements<PageSize>());
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(Twips(210), (int)size.Width.Value);
        Assert.Equal(Twips(297), (int)size.Height.Value);
        Assert.Null(size.Orient);
    }

    [Fact]
    public void The_margins_give_a_37_mm_head_a_28_mm_binding_edge_and_a_156_by_225_mm_type_area_to_the_twip()
    {
        using var docx = Render(Sample());

        var margin = Assert.Single(docx.Section.Elements<PageMargin>());
        var top = margin.Top!.Value;
        var bottom = margin.Bottom!.Value;
        var left = (int)margin.Left!.Value;
        var right = (int)margin.Right!.Value;

        Assert.Equal(2098, top);
        Assert.Equal(1587, left);
        Assert.Equal(1475, right);
        Assert.Equal(1984, bottom);
        Assert.Equal(0u, margin.Gutter?.Value ?? 0u);

        Assert.Equal(Twips(37), top);
        Assert.Equal(Twips(28), left);
        Assert.Equal(Twips(297 - 37 - 225), bottom);
        // A4 is 11905.5 twips wide, written as 11906; the type area is kept exact (8844 twips = 156 mm), so the
        // outer margin takes the extra half twip: 1475, 0.98 twip more than 26 mm (1474.02). Within one twip.
        Assert.InRange(right - ExactTwips(210 - 28 - 156), -1.0, 1.0);

        Assert.Equal(Twips(156), 11906 - left - right);
        Assert.Equal(Twips(225), 16838 - top - bottom);
    }

    [Fact]
    public void The_writer_constants_are_the_millimetre_values_of_the_standard()
    {
        Assert.Equal(Twips(37), Gbt9704Writer.TopMargin);
        Assert.Equal(Twips(28), Gbt9704Writer.BindingMargin);
        Assert.Equal(Twips(156), Gbt9704Writer.TypeAreaWidth);
        Assert.Equal(Twips(225), Gbt9704Writer.TypeAreaHeight);
        Assert.Equal(Gbt9704Writer.PageWidth, Gbt9704Writer.BindingMargin + Gbt9704Writer.TypeAreaWidth + Gbt9704Writer.OuterMargin);
        Assert.Equal(Gbt9704Writer.PageHeight, Gbt9704Writer.TopMargin + Gbt9704Writer.TypeAreaHeight + Gbt9704Writer.BottomMargin);
        Assert.Equal(22, Gbt9704Writer.LinesPerPage);
        Assert.Equal(28, Gbt9704Writer.CharactersPerLine);
    }

    [Fact]
    public void Pages_are_double_sided_mirror_margins_and_separate_even_footers()
    {
        using var docx = Render(Sample());

        Assert.Single(docx.Settings.Elements<MirrorMargins>());
        Assert.Single(docx.Settings.Elements<EvenAndOddHeaders>());
    }

    [Fact]
    public void The_line_grid_puts_22_lines_in_the_type_area()
    {
        using var docx = Render(Sample());

        var grid = Assert.Single(docx.Section.Elements<DocGrid>());
        Assert.Equal(DocGridValues.Lines, grid.Type!.Value);
        var pitch = grid.LinePitch!.Value;
        var typeAreaHeight = Twips(225);
        Assert.True(pitch * 22 <= typeAreaHeight, $"22 lines of {pitch} twips = {pitch * 22} > {typeAreaHeight}");
        Assert.True((pitch + 1) * 22 > typeAreaHeight, $"a pitch of {pitch} leaves room for a longer line ({(pitch + 1) * 22} ≤ {typeAreaHeight})");
        Assert.Equal(Gbt9704Writer.LinePitch, pitch);
    }

    [Fact]
    public void The_normal_style_is_the_body_font_at_16_pt_with_exact_line_spacing_of_one_grid_line()
    {
        using var docx = Render(Sample());
        var pitch = docx.Section.Elements<DocGrid>().Single().LinePitch!.Value.ToString(CultureInfo.InvariantCulture);

        var defaults = docx.Styles.DocDefaults!;
        var defaultRun = defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋_GB2312", defaultRun.RunFonts!.EastAsia!.Value);
        Assert.Equal("仿宋_GB2312", defaultRun.RunFonts.Ascii!.Value);
        Assert.Equal("32", defaultRun.FontSize!.Val!.Value);
        var defaultSpacing = defaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(pitch, defaultSpacing.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, defaultSpacing.LineRule!.Value);

        var normal = Assert.Single(docx.Styles.Elements<Style>(), s => s.StyleId?.Value == "Normal");
        Assert.True(normal.Default?.Value);
        Assert.Equal(StyleValues.Paragraph, normal.Type!.Value);
        Assert.Equal("仿宋_GB2312", normal.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", normal.StyleRunProperties.FontSize!.Val!.Value);
        var spacing = normal.StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(pitch, spacing.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
    }

    [Fact]
    public void Body_paragraphs_are_the_body_font_at_16_pt_indented_two_characters_and_28_characters_fit_a_line()
    {
        using var docx = Render(Sample());

        var paragraph = docx.Paragraph("予以容错免责。");
        var run = Assert.Single(paragraph.Elements<Run>());
        Assert.Equal("仿宋_GB2312", run.RunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", run.RunProperties.FontSize!.Val!.Value);
        Assert.Equal(200, paragraph.ParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.Equal("640", paragraph.ParagraphProperties.Indentation.FirstLine!.Value); // 2 × 16 pt

        // 28 characters of 16 pt with the run's character spacing fit the 156 mm line; 29 do not.
        var spacing = run.RunProperties.Spacing?.Val?.Value ?? 0;
        var advance = 16 * 20 + spacing;
        Assert.True(28 * advance <= Twips(156), $"28 × {advance} > {Twips(156)}");
        Assert.True(29 * advance > Twips(156), $"29 × {advance} ≤ {Twips(156)}");
    }

    [Fact]
    public void Headings_use_heiti_for_level_one_and_kaiti_for_level_two_at_16_pt()
    {
        using var docx = Render(Sample());

        var first = docx.Paragraph("一、认定结果").Elements<Run>().Single().RunProperties!;
        var second = docx.Paragraph("（一）结果运用").Elements<Run>().Single().RunProperties!;
        Assert.Equal("黑体", first.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", first.FontSize!.Val!.Value);
        Assert.Equal("楷体_GB2312", second.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", second.FontSize!.Val!.Value);
    }

    [Fact]
    public void The_title_is_in_the_title_font_at_22_pt_centred()
    {
        using var docx = Render(Sample());

        var title = docx.Paragraph("关于何晓峰容错免责申请认定结果的通知");
        var run = Assert.Single(title.Elements<Run>());
        Assert.Equal("44", run.RunProperties!.FontSize!.Val!.Value);
        Assert.Equal("方正小标宋简体", run.RunProperties.RunFonts!.EastAsia!.Value);
        Assert.Equal("方正小标宋简体", run.RunProperties.RunFonts.Ascii!.Value);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void The_letterhead_is_red_and_followed_by_the_number_and_a_red_separator()
    {
        using var docx = Render(Sample());
        var texts = docx.TopTexts;

        Assert.Equal("中共信阳市市场监督管理局党组", texts[0]);
        var letterhead = docx.TopParagraphs[0];
        var colour = letterhead.Elements<Run>().Single().RunProperties!.Color!.Val!.Value!;
        Assert.True(IsRed(colour), $"letterhead colour {colour}");
        Assert.Equal(JustificationValues.Center, letterhead.ParagraphProperties!.Justification!.Val!.Value);

        var numberIndex = texts.ToList().IndexOf("信市监〔2026〕12号");
        Assert.True(numberIndex > 0, string.Join(" | ", texts));
        var separator = docx.TopParagraphs.Skip(numberIndex + 1).First(p => p.ParagraphProperties?.ParagraphBorders is not null);
        var rule = separator.ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.True(IsRed(rule.Color!.Value!), $"separator colour {rule.Color.Value}");
        Assert.True(texts.ToList().IndexOf("关于何晓峰容错免责申请认定结果的通知") > numberIndex);
    }

    [Fact]
    public void A_record_has_no_letterhead_and_no_red()
    {
        using var docx = Render(Variant("record"));

        Assert.Equal("关于何晓峰容错免责申请认定结果的通知", docx.TopTexts.First(t => t.Length > 0));
        Assert.DoesNotContain(docx.Body.Descendants<W.Color>(), c => IsRed(c.Val!.Value!));
    }

    [Fact]
    public void Footers_hold_the_page_number_between_dashes_at_14_pt_odd_pages_right_even_pages_left()
    {
        using var docx = Render(Sample());

        foreach (var (type, side) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var footer = docx.FooterOf(type);
            var paragraph = Assert.Single(footer.Elements<W.Paragraph>());
            Assert.Equal(side, paragraph.ParagraphProperties!.Justification!.Val!.Value);

            var parts = paragraph.ChildElements.Where(e => e is Run or SimpleField).ToList();
            Assert.Equal(3, parts.Count);
            Assert.Equal("— ", Docx.TextOf(parts[0]));
            var field = Assert.IsType<SimpleField>(parts[1]);
            Assert.Equal("PAGE", field.Instruction!.Value!.Trim());
            Assert.Equal(" —", Docx.TextOf(parts[2]));
            foreach (var run in paragraph.Descendants<Run>())
            {
                Assert.Equal("28", run.RunProperties!.FontSize!.Val!.Value);
            }
        }
    }

    [Fact]
    public void The_colophon_carries_copy_to_and_the_printing_office_with_its_date()
    {
        using var docx = Render(Sample(FullColophon));
        var texts = docx.TopTexts;

        var copy = docx.Paragraph("抄送：机关纪委，机关党委。");
        Assert.NotNull(copy.ParagraphProperties!.ParagraphBorders);
        Assert.Equal("28", copy.Elements<Run>().Single().RunProperties!.FontSize!.Val!.Value);
        var printed = docx.Paragraph("信阳市市场监督管理局办公室\t2026年11月27日印发");
        Assert.NotNull(printed.ParagraphProperties!.ParagraphBorders!.BottomBorder);
        Assert.True(texts.ToList().IndexOf("2026年11月26日") < texts.ToList().IndexOf(Docx.TextOf(copy)), "版记 follows the date");
    }

    [Fact]
    public void Without_a_colophon_there_is_no_copy_to_and_no_printing_line()
    {
        using var docx = Render(Sample());

        Assert.DoesNotContain(docx.TopTexts, t => t.StartsWith("抄送", StringComparison.Ordinal) || t.EndsWith("印发", StringComparison.Ordinal));
    }

    [Fact]
    public void Signature_and_date_close_the_document_in_arabic_numerals()
    {
        using var docx = Render(Sample());

        var texts = docx.TopTexts.Where(t => t.Length > 0).ToList();
        Assert.Equal(["中共信阳市市场监督管理局党组", "2026年11月26日"], texts[^2..]);
    }

    [Fact]
    public void Tables_are_as_wide_as_the_type_area_and_a_header_row_uses_the_heading_font()
    {
        using var docx = Render(Sample());

        var tables = docx.Body.Elements<W.Table>().ToList();
        Assert.Equal(2, tables.Count);
        foreach (var table in tables)
        {
            Assert.Equal(Twips(156).ToString(CultureInfo.InvariantCulture), table.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value);
            Assert.Equal(Twips(156), table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture)));
        }
        var header = tables[0].Elements<TableRow>().First().Descendants<Run>().First().RunProperties!;
        Assert.Equal("黑体", header.RunFonts!.EastAsia!.Value);
        Assert.Equal("档号", Docx.TextOf(tables[1].Elements<TableRow>().First().Elements<TableCell>().First()));
    }

    [Fact]
    public void Core_properties_name_the_document_and_say_the_fonts_are_the_prescribed_ones()
    {
        using var docx = Render(Sample());

        var properties = docx.Package.PackageProperties;
        Assert.Equal("关于何晓峰容错免责申请认定结果的通知（信市监〔2026〕12号）", properties.Title);
        Assert.Equal("结果反馈通知书", properties.Subject);
        Assert.Equal("信阳市市场监督管理局", properties.Creator);
        Assert.Contains("GB/T 9704-2012", properties.Description);
        Assert.DoesNotContain("字体替代", properties.Description);
    }

    [Fact]
    public void Core_properties_say_which_fonts_were_substituted()
    {
        using var docx = Render(Sample(), Noto);

        var description = docx.Package.PackageProperties.Description!;
        Assert.Contains("字体替代", description);
        Assert.Contains("Noto Serif CJK SC", description);
        Assert.Contains("方正小标宋简体", description);
        Assert.Contains("仿宋_GB2312", description);
        var title = docx.Paragraph("关于何晓峰容错免责申请认定结果的通知").Elements<Run>().Single().RunProperties!;
        Assert.Equal("Noto Serif CJK SC", title.RunFonts!.EastAsia!.Value);
    }

    private static bool IsRed(string hex)
    {
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return false;
        }
        var (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        return r >= 0xC0 && g <= 0x40 && b <= 0x40;
    }

    [Theory]
    [InlineData("中共信阳市市场监督管理局党组")]
    [InlineData("中共信阳市市场监督管理局机关纪律检查委员会")]
    [InlineData("信阳市市场监督管理局机关纪律检查委员会文件")]
    public void The_letterhead_fits_one_line_of_the_type_area_at_most_30_pt(string name)
    {
        var docx = Render(Sample() with { Letterhead = name });

        var size = int.Parse(docx.TopParagraphs[0].Elements<Run>().Single().RunProperties!.FontSize!.Val!.Value!, CultureInfo.InvariantCulture);
        // A CJK character is one em wide: the name's width in points, against 156 mm in points (computed here).
        var width = name.Length * size / 2.0;
        Assert.True(width <= 156 / 25.4 * 72, $"{name} at {size / 2.0} pt is {width} pt wide");
        Assert.True(size <= 60);
        Assert.True(size >= 40, $"{name} shrunk to {size / 2.0} pt");
    }

    [Fact]
    public void Numbers_and_dates_are_joined_so_they_never_break_across_lines()
    {
        var docx = Render(Sample() with { Body = [new DocParagraph("你于2026年6月1日就案件编号2026-0015、信市监〔2026〕12号所涉货值600元的事项提出申请。")] });

        var raw = string.Concat(docx.Body.Descendants<Text>().Select(t => t.Text));
        var j = Gbt9704Writer.WordJoiner;
        Assert.Contains($"2{j}0{j}2{j}6{j}年{j}6{j}月{j}1{j}日", raw, StringComparison.Ordinal);
        Assert.Contains($"2{j}0{j}2{j}6{j}-{j}0{j}0{j}1{j}5", raw, StringComparison.Ordinal);
        Assert.Contains($"〔{j}2{j}0{j}2{j}6{j}〕{j}1{j}2{j}号", raw, StringComparison.Ordinal);
        Assert.Contains($"6{j}0{j}0元", raw, StringComparison.Ordinal);
        Assert.Contains("你于2", raw, StringComparison.Ordinal);
        Assert.DoesNotContain($"于{j}", raw, StringComparison.Ordinal);
        Assert.Contains($"元的事项", raw, StringComparison.Ordinal);
        Assert.Contains("案件编号2026-0015", docx.TopTexts.Single(t => t.StartsWith("你于", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_run_is_marked_simplified_Chinese_so_font_fallback_picks_the_Chinese_glyphs()
    {
        var docx = Render(Sample());

        var runs = docx.Body.Descendants<Run>().Where(r => r.Descendants<Text>().Any()).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal("zh-CN", r.RunProperties!.GetFirstChild<Languages>()?.EastAsia?.Value));
        Assert.Empty(docx.ValidationErrors());
    }
}
