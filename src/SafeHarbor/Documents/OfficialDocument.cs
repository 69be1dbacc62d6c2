using System.Globalization;
using System.Text.RegularExpressions;

namespace SafeHarbor.Documents;

/// <summary>How a document is laid out (GB/T 9704-2012 distinguishes 文件格式, 信函格式, 纪要格式; forms are tables).</summary>
public enum DocumentLayout
{
    /// <summary>文件式: letterhead, document number, red separator, title, body, signature, date, 版记.</summary>
    Document,
    /// <summary>纪要、记录式: title and body without letterhead or number.</summary>
    Record,
    /// <summary>表格式: title and a table (登记表).</summary>
    Form,
}

/// <summary>A document ready to lay out: every text already filled in.</summary>
public sealed record OfficialDocument(
    string KindName,
    DocumentLayout Layout,
    string? Letterhead,
    DocumentNumber? Number,
    string Title,
    string? Recipient,
    IReadOnlyList<Block> Body,
    string? Signature,
    DateOnly? Date,
    Colophon? Colophon);

public abstract record Block;

/// <summary>A body paragraph: first line indented two characters.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>A heading: level 1 in 黑体 (一、), level 2 in 楷体 (（一）).</summary>
public sealed record Heading(string Text, int Level) : Block;

/// <summary>A paragraph without indent (e.g. a label line in a record).</summary>
public sealed record PlainLine(string Text) : Block;

/// <summary>A table; the first row is a header when <see cref="HasHeader"/>.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows, bool HasHeader) : Block;

/// <summary>版记: who receives a copy, who printed it and when.</summary>
public sealed record Colophon(string? CopyTo, string PrintedBy, DateOnly PrintedOn);

/// <summary>
/// 发文字号 as GB/T 9704-2012 writes it: issuer's code, the year in 六角括号 〔〕, the sequence without
/// leading zeros and without 第, then 号 — e.g. 信市监〔2026〕12号.
/// </summary>
public sealed partial record DocumentNumber
{
    private DocumentNumber(string prefix, int year, int sequence)
    {
        Prefix = prefix;
        Year = year;
        Sequence = sequence;
    }

    public string Prefix { get; }
    public int Year { get; }
    public int Sequence { get; }

    public static DocumentNumber Create(string prefix, int year, int sequence)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Any(char.IsWhiteSpace) || prefix.Contains('〔') || prefix.Contains('〕') || prefix.Contains('第'))
        {
            throw new ArgumentException($"发文机关代字“{prefix}”不正确：不能为空，不能含空格、〔、〕或“第”。", nameof(prefix));
        }
        if (year is < 1949 or > 2999 || sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), $"发文年份 {year} 或序号 {sequence} 不正确。");
        }
        return new DocumentNumber(prefix, year, sequence);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}〔{Year}〕{Sequence}号");

    public static bool IsWellFormed(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^[^\s〔〕第]+〔\d{4}〕[1-9]\d*号$")]
    private static partial Regex Pattern();
}

public static class ChineseDates
{
    /// <summary>成文日期 in Arabic numerals, as GB/T 9704-2012 requires: 2026年11月26日.</summary>
    public static string Format(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
