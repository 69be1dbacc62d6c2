using System.Text.RegularExpressions;

namespace SafeHarbor.Tests.Docs;

/// <summary>
/// An article of the measures, or one numbered clause of it: 5 is 第五条, 5(2) is 第五条第（二）项. The code
/// cites them two ways, both read here: <c>[Article("5(2)")]</c> attributes, and the Chinese citations of the
/// policy file and the transition table ("第五条第（二）项：…").
/// </summary>
public readonly partial record struct Clause(int Article, int? Item = null) : IComparable<Clause>
{
    public override string ToString() => Item is { } i ? $"{Article}({i})" : $"{Article}";

    public string Chinese => $"第{Numeral(Article)}条" + (Item is { } i ? $"第（{Numeral(i)}）项" : "");

    public int CompareTo(Clause other) =>
        Article != other.Article ? Article.CompareTo(other.Article) : (Item ?? 0).CompareTo(other.Item ?? 0);

    /// <summary>The form of <c>[Article]</c>: "5" or "5(2)".</summary>
    public static Clause Parse(string text)
    {
        var m = AttributeForm().Match(text);
        if (!m.Success)
        {
            throw new FormatException($"“{text}” is not an article (\"8\") or a clause (\"5(2)\").");
        }
        return new(int.Parse(m.Groups[1].Value), m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : null);
    }

    /// <summary>Every Chinese citation in a text, in order: "第四条、第十条" gives 4 and 10.</summary>
    public static IReadOnlyList<Clause> FindChinese(string text) =>
        ChineseForm().Matches(text)
            .Select(m => new Clause(FromNumeral(m.Groups[1].Value), m.Groups[2].Success ? FromNumeral(m.Groups[2].Value) : null))
            .ToList();

    /// <summary>一 … 九十九, enough for any article number of a bureau's measures.</summary>
    public static int FromNumeral(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        var ten = numeral.IndexOf('十');
        if (ten < 0)
        {
            return numeral.Length == 1 && digits.IndexOf(numeral[0]) > 0
                ? digits.IndexOf(numeral[0])
                : throw new FormatException($"“{numeral}” is not a Chinese numeral.");
        }
        var tens = ten == 0 ? 1 : FromNumeral(numeral[..ten]);
        var units = ten == numeral.Length - 1 ? 0 : FromNumeral(numeral[(ten + 1)..]);
        return tens * 10 + units;
    }

    public static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 1 or > 99 => throw new ArgumentOutOfRangeException(nameof(n)),
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    [GeneratedRegex(@"^(\d+)(?:\((\d+)\))?$")]
    private static partial Regex AttributeForm();

    [GeneratedRegex(@"第([一二三四五六七八九十]+)条(?:第[（(]([一二三四五六七八九十]+)[）)]项)?")]
    private static partial Regex ChineseForm();
}
