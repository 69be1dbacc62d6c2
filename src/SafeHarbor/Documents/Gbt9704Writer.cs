using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeHarbor.Documents;

/// <summary>
/// Lays out an <see cref="OfficialDocument"/> as DOCX in the format of GB/T 9704-2012 《党政机关公文格式》:
/// A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters, title in 2号小标宋,
/// body in 3号仿宋, page numbers “— 1 —” in 4号 at the foot (odd pages right, even pages left).
/// </summary>
public static partial class Gbt9704Writer
{
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public static readonly int TopMargin = Mm(37);
    public static readonly int BindingMargin = Mm(28);
    public static readonly int TypeAreaWidth = Mm(156);
    public static readonly int TypeAreaHeight = Mm(225);
    public static readonly int OuterMargin = PageWidth - BindingMargin - TypeAreaWidth;
    public static readonly int BottomMargin = PageHeight - TopMargin - TypeAreaHeight;
    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;

    /// <summary>22 lines fill the type area: the pitch is rounded down so that the 22nd line still fits.</summary>
    public static readonly int LinePitch = TypeAreaHeight / LinesPerPage;

    /// <summary>Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.</summary>
    public const int TitleSize = 44;
    public const int BodySize = 32;
    public const int SmallSize = 28;

    private const string Red = "E60012";

    public static int Mm(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// 28 characters of 16 pt are 448 pt, a little more than the 156 mm line (442 pt): body text is
    /// condensed by a quarter point per character (in twentieths of a point), as Word's character grid
    /// does, so that a line holds 28 characters in Word and LibreOffice alike.
    /// </summary>
    public static readonly int BodyCharacterSpacing = -(int)Math.Ceiling((BodySize / 2.0 * CharactersPerLine - TypeAreaWidth / 20.0) / CharactersPerLine * 20);

    public static byte[] Write(OfficialDocument document, DocumentFonts fonts, string author)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main, fonts);
            AddSettings(main);
            var oddFooter = AddFooter(main, fonts, JustificationValues.Right, odd: true);
            var evenFooter = AddFooter(main, fonts, JustificationValues.Left, odd: false);

            var body = new Body();
            foreach (var element in Content(document, fonts))
            {
                body.Append(element);
            }
            body.Append(Section(main.GetIdOfPart(oddFooter), main.GetIdOfPart(evenFooter)));
            main.Document = new Document(body);

            package.PackageProperties.Title = document.Number is { } n ? $"{document.Title}（{n}）" : document.Title;
            package.PackageProperties.Subject = document.KindName;
            package.PackageProperties.Creator = author;
            package.PackageProperties.Keywords = "GB/T 9704-2012";
            package.PackageProperties.Description = fonts.Substitutions.Count == 0
                ? "版式：GB/T 9704-2012；字体：按规定字体。"
                : "版式：GB/T 9704-2012；字体替代：" + string.Join("；", fonts.Substitutions) + "。";
            package.PackageProperties.Created = DateTime.UtcNow;
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(OfficialDocument d, DocumentFonts fonts)
    {
        if (d.Layout == DocumentLayout.Document && d.Letterhead is { } letterhead)
        {
            // 版头: 发文机关标志 in red, 发文字号, then the red separator as wide as the type area.
            yield return Para(letterhead, fonts.Title, LetterheadSize(letterhead), JustificationValues.Center, color: Red, bold: false, lineAuto: true);
            yield return Para("", fonts.Body, BodySize, JustificationValues.Center);
            if (d.Number is { } number)
            {
                yield return Para(number.ToString(), fonts.Body, BodySize, JustificationValues.Center);
            }
            yield return Separator();
            yield return Para("", fonts.Body, BodySize, JustificationValues.Left);
        }
        yield return Para(d.Title, fonts.Title, TitleSize, JustificationValues.Center, lineAuto: true);
        if (d.Layout != DocumentLayout.Document && d.Number is { } recordNumber)
        {
            yield return Para(recordNumber.ToString(), fonts.Body, BodySize, JustificationValues.Center);
        }
        yield return Para("", fonts.Body, BodySize, JustificationValues.Left);
        if (d.Recipient is { Length: > 0 } recipient)
        {
            yield return Para(recipient, fonts.Body, BodySize, JustificationValues.Left);
        }
        foreach (var block in d.Body)
        {
            yield return block switch
            {
                Heading { Level: 1 } h => Para(h.Text, fonts.Heading1, BodySize, JustificationValues.Both, firstLineChars: 200),
                Heading h => Para(h.Text, fonts.Heading2, BodySize, JustificationValues.Both, firstLineChars: 200),
                PlainLine p => Para(p.Text, fonts.Body, BodySize, JustificationValues.Left),
                Table t => BuildTable(t, fonts),
                Paragraph p => Para(p.Text, fonts.Body, BodySize, JustificationValues.Both, firstLineChars: 200),
                _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}"),
            };
        }
        if (d.Signature is not null || d.Date is not null)
        {
            yield return Para("", fonts.Body, BodySize, JustificationValues.Left);
            yield return Para("", fonts.Body, BodySize, JustificationValues.Left);
        }
        if (d.Signature is { Length: > 0 } signature)
        {
            yield return Para(signature, fonts.Body, BodySize, JustificationValues.Right, rightChars: 400);
        }
        if (d.Date is { } date)
        {
            // 成文日期 in Arabic numerals, 右空四字.
            yield return Para(ChineseDates.Format(date), fonts.Body, BodySize, JustificationValues.Right, rightChars: 400);
        }
        if (d.Colophon is { } colophon)
        {
            foreach (var element in ColophonBlock(colophon, fonts))
            {
                yield return element;
            }
        }
    }

    /// <summary>版记: between a thick first and last rule and thin rules, 抄送 and 印发机关 with the date, in 4号.</summary>
    private static IEnumerable<OpenXmlElement> ColophonBlock(Colophon c, DocumentFonts fonts)
    {
        yield return Para("", fonts.Body, BodySize, JustificationValues.Left);
        var hasCopy = c.CopyTo is { Length: > 0 };
        if (hasCopy)
        {
            yield return Para($"抄送：{c.CopyTo}", fonts.Body, SmallSize, JustificationValues.Left, leftChars: 100, rightChars: 100,
                borders: new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = "000000" }));
        }
        yield return Para($"{c.PrintedBy}\t{ChineseDates.Format(c.PrintedOn)}印发", fonts.Body, SmallSize, JustificationValues.Left, leftChars: 100, rightChars: 100,
            borders: new ParagraphBorders(
                hasCopy ? new TopBorder { Val = BorderValues.Nil } : new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" }),
            tabs: new Tabs(new TabStop { Val = TabStopValues.Right, Position = TypeAreaWidth - 280 }));
    }

    /// <summary>The largest letterhead up to 30 pt (2号 is 22 pt; GB/T 9704 leaves the size to the issuer) that keeps the name on one line of the type area.</summary>
    public static int LetterheadSize(string letterhead)
    {
        const int largest = 60;
        var halfPointsAcross = TypeAreaWidth / 10;
        var width = letterhead.Sum(ch => ch < 0x2E80 ? 1 : 2);
        return Math.Min(largest, (int)Math.Floor(halfPointsAcross * 2.0 / Math.Max(width, 1)) - 1);
    }

    /// <summary>
    /// Numbers and dates must not break across lines (a case number split as 2 / 026-0015): every character
    /// of a number, a date, a 发文字号 or a case number is joined to the next with U+2060 WORD JOINER,
    /// which has no width and no glyph, so line breaking keeps the whole token together.
    /// </summary>
    public static string KeepTogether(string text) =>
        Unbreakable().Replace(text, m => string.Join(WordJoiner, m.Value.EnumerateRunes().Select(r => r.ToString())));

    public const string WordJoiner = "\u2060";

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日|[〔\[]\d{4}[〕\]]\d+号|[0-9A-Za-z]+(?:[-/.:：][0-9A-Za-z]+)+|\d+(?:\.\d+)?%?")]
    private static partial System.Text.RegularExpressions.Regex Unbreakable();

    private static W.Paragraph Separator()
    {
        var p = new W.Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = Red }),
            new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" }));
        return p;
    }

    private static W.Paragraph Para(
        string text, string font, int size, JustificationValues justification,
        string? color = null, bool bold = false, bool lineAuto = false, int? firstLineChars = null, int? leftChars = null, int? rightChars = null,
        ParagraphBorders? borders = null, Tabs? tabs = null)
    {
        // Schema order of w:pPr: pBdr, tabs, spacing, ind, jc.
        var properties = new ParagraphProperties();
        if (borders is not null)
        {
            properties.Append(borders);
        }
        if (tabs is not null)
        {
            properties.Append(tabs);
        }
        if (lineAuto)
        {
            properties.Append(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" });
        }
        if (firstLineChars is not null || leftChars is not null || rightChars is not null)
        {
            var indentation = new Indentation();
            if (firstLineChars is { } f)
            {
                indentation.FirstLineChars = f;
                indentation.FirstLine = (f / 100 * size * 10).ToString(CultureInfo.InvariantCulture);
            }
            if (leftChars is { } l)
            {
                indentation.LeftChars = l;
            }
            if (rightChars is { } r)
            {
                indentation.RightChars = r;
            }
            properties.Append(indentation);
        }
        properties.Append(new Justification { Val = justification });
        var paragraph = new W.Paragraph(properties);
        if (text.Length > 0)
        {
            var lines = text.Split('\t');
            var run = new Run(RunProps(font, size, color, bold));
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new TabChar());
                }
                run.Append(new Text(KeepTogether(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
            }
            paragraph.Append(run);
        }
        return paragraph;
    }

    private static RunProperties RunProps(string font, int size, string? color = null, bool bold = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold)
        {
            props.Append(new Bold());
        }
        if (color is not null)
        {
            props.Append(new Color { Val = color });
        }
        if (size == BodySize)
        {
            props.Append(new Spacing { Val = BodyCharacterSpacing });
        }
        props.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        props.Append(new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        // Every run says it is Chinese, so a missing face falls back to the simplified-Chinese glyph forms.
        props.Append(new Languages { Val = "zh-CN", EastAsia = "zh-CN" });
        return props;
    }

    private static W.Table BuildTable(Table t, DocumentFonts fonts)
    {
        var columns = t.Rows.Max(r => r.Count);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 6 },
            new LeftBorder { Val = BorderValues.Single, Size = 6 },
            new BottomBorder { Val = BorderValues.Single, Size = 6 },
            new RightBorder { Val = BorderValues.Single, Size = 6 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new W.Table(new TableProperties(
            new TableWidth { Width = TypeAreaWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var widths = ColumnWidths(columns);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var row = new TableRow();
            var cells = t.Rows[r];
            for (var c = 0; c < columns; c++)
            {
                var span = c == cells.Count - 1 ? columns - c : 1;
                var cellProps = new TableCellProperties(new TableCellWidth { Width = widths.Skip(c).Take(span).Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (span > 1)
                {
                    cellProps.Append(new GridSpan { Val = span });
                }
                var text = c < cells.Count ? cells[c] : "";
                var header = t.HasHeader && r == 0;
                var lines = text.Split('\n');
                var cell = new TableCell(cellProps);
                foreach (var line in lines)
                {
                    cell.Append(Para(line, header ? fonts.Heading1 : fonts.Body, SmallSize, header ? JustificationValues.Center : JustificationValues.Left, lineAuto: true));
                }
                row.Append(cell);
                if (span > 1)
                {
                    break;
                }
            }
            table.Append(row);
        }
        return table;
    }

    /// <summary>Two-column forms give the label a quarter of the width; wider tables share it equally.</summary>
    private static int[] ColumnWidths(int columns)
    {
        if (columns == 2)
        {
            var label = TypeAreaWidth / 4;
            return [label, TypeAreaWidth - label];
        }
        var each = TypeAreaWidth / columns;
        var widths = Enumerable.Repeat(each, columns).ToArray();
        widths[^1] += TypeAreaWidth - each * columns;
        return widths;
    }

    private static SectionProperties Section(string oddFooterId, string evenFooterId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
        new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
        new PageMargin
        {
            Top = TopMargin,
            Bottom = BottomMargin,
            Left = (UInt32Value)(uint)BindingMargin,
            Right = (UInt32Value)(uint)OuterMargin,
            Header = 851,
            // The page number sits about 7 mm below the type area.
            Footer = (UInt32Value)(uint)(BottomMargin - Mm(7) - 280),
            Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });

    private static FooterPart AddFooter(MainDocumentPart main, DocumentFonts fonts, JustificationValues side, bool odd)
    {
        var part = main.AddNewPart<FooterPart>();
        var indentation = odd ? new Indentation { RightChars = 100 } : new Indentation { LeftChars = 100 };
        part.Footer = new Footer(new W.Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, indentation, new Justification { Val = side }),
            new Run(RunProps(fonts.PageNumber, SmallSize), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(RunProps(fonts.PageNumber, SmallSize), new Text("1"))) { Instruction = " PAGE " },
            new Run(RunProps(fonts.PageNumber, SmallSize), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        return part;
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        // Double-sided: the binding margin alternates sides, page numbers alternate corners.
        // Schema order of w:settings: mirrorMargins, defaultTabStop, evenAndOddHeaders.
        part.Settings = new Settings(new MirrorMargins(), new DefaultTabStop { Val = 420 }, new EvenAndOddHeaders());
    }

    private static void AddStyles(MainDocumentPart main, DocumentFonts fonts)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var size = BodySize.ToString(CultureInfo.InvariantCulture);
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = fonts.Body, HighAnsi = fonts.Body, EastAsia = fonts.Body, ComplexScript = fonts.Body },
                    new FontSize { Val = size },
                    new FontSizeComplexScript { Val = size },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
                    new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(
                    new RunFonts { Ascii = fonts.Body, HighAnsi = fonts.Body, EastAsia = fonts.Body, ComplexScript = fonts.Body },
                    new FontSize { Val = size },
                    new FontSizeComplexScript { Val = size }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }
}
