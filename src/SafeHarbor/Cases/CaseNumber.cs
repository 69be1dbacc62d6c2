using System.Globalization;
using System.Text.RegularExpressions;

namespace SafeHarbor.Cases;

/// <summary>A case number: year of registration and a sequence within it, e.g. <c>2026-0007</c>.</summary>
public sealed partial record CaseNumber
{
    private CaseNumber(int year, int sequence)
    {
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }
    public int Sequence { get; }

    public static CaseNumber Create(int year, int sequence)
    {
        if (year is < 2000 or > 2999)
        {
            throw DomainException.Invalid("case-number-invalid", $"案件编号的年度 {year} 不正确。");
        }
        if (sequence is < 1 or > 9999)
        {
            throw DomainException.Invalid("case-number-invalid", $"案件编号的序号 {sequence} 超出范围（1–9999）。");
        }
        return new CaseNumber(year, sequence);
    }

    public static bool TryParse(string? text, out CaseNumber? number)
    {
        number = null;
        var m = text is null ? null : Pattern().Match(text.Trim());
        if (m is not { Success: true })
        {
            return false;
        }
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var seq = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (seq < 1)
        {
            return false;
        }
        number = new CaseNumber(year, seq);
        return true;
    }

    public override string ToString() => $"{Year}-{Sequence:0000}";

    [GeneratedRegex(@"^(2\d{3})-(\d{4})$")]
    private static partial Regex Pattern();
}
