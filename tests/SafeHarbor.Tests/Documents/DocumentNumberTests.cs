using SafeHarbor.Documents;

namespace SafeHarbor.Tests.Documents;

/// <summary>
/// 发文字号 as GB/T 9704-2012 §7.2.4 writes it: 发文机关代字, the year in 六角括号 〔〕, the sequence
/// without leading zeros and without 第, then 号 — 信市监〔2026〕12号.
/// </summary>
public sealed class DocumentNumberTests
{
    [Fact]
    public void A_number_reads_prefix_year_in_hexagonal_brackets_sequence_and_hao()
    {
        var number = DocumentNumber.Create("信市监", 2026, 12);

        Assert.Equal("信市监〔2026〕12号", number.ToString());
        Assert.Equal("信市监", number.Prefix);
        Assert.Equal(2026, number.Year);
        Assert.Equal(12, number.Sequence);
        Assert.True(DocumentNumber.IsWellFormed(number.ToString()));
    }

    [Theory]
    [InlineData(1, "青市监容反〔2026〕1号")]
    [InlineData(7, "青市监容反〔2026〕7号")]
    [InlineData(10, "青市监容反〔2026〕10号")]
    [InlineData(100, "青市监容反〔2026〕100号")]
    [InlineData(1234, "青市监容反〔2026〕1234号")]
    public void The_sequence_is_written_without_leading_zeros_or_di(int sequence, string expected)
    {
        var text = DocumentNumber.Create("青市监容反", 2026, sequence).ToString();

        Assert.Equal(expected, text);
        Assert.DoesNotContain("第", text);
        Assert.DoesNotContain("〕0", text);
        Assert.True(DocumentNumber.IsWellFormed(text), text);
    }

    [Theory]
    [InlineData("信市监第")]
    [InlineData("第信市监")]
    [InlineData("信 市监")]
    [InlineData("信市监 ")]
    [InlineData("信市监\u3000")] // ideographic space
    [InlineData("信市监\t")]
    [InlineData("信市监〔")]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_refuses_a_prefix_with_di_a_space_or_an_opening_bracket(string prefix)
    {
        var ex = Assert.Throws<ArgumentException>(() => DocumentNumber.Create(prefix, 2026, 1));

        Assert.Equal("prefix", ex.ParamName);
        Assert.Contains("发文机关代字", ex.Message);
    }

    [Fact]
    public void Create_refuses_a_prefix_with_a_closing_bracket_since_the_number_would_not_be_well_formed()
    {
        // Whatever Create accepts must read back as well formed: 信市监〕〔2026〕1号 is not a document number.
        Assert.Throws<ArgumentException>(() => DocumentNumber.Create("信市监〕", 2026, 1));
    }

    [Theory]
    [InlineData(1948, 1)]
    [InlineData(3000, 1)]
    [InlineData(0, 1)]
    [InlineData(-2026, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, int.MinValue)]
    public void Create_refuses_a_year_outside_1949_to_2999_and_a_sequence_below_one(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentNumber.Create("信市监", year, sequence));
    }

    [Theory]
    [InlineData(1949, 1, "信市监〔1949〕1号")]
    [InlineData(2999, 1, "信市监〔2999〕1号")]
    [InlineData(2026, int.MaxValue, "信市监〔2026〕2147483647号")]
    public void Create_accepts_the_bounds(int year, int sequence, string expected)
    {
        Assert.Equal(expected, DocumentNumber.Create("信市监", year, sequence).ToString());
    }

    [Theory]
    [InlineData("信市监〔2026〕12号")]
    [InlineData("青市监党认〔2026〕1号")]
    [InlineData("国办发〔2012〕100号")]
    public void Well_formed_numbers_are_recognised(string text)
    {
        Assert.True(DocumentNumber.IsWellFormed(text));
    }

    [Theory]
    [InlineData("信市监〔2026〕012号")] // leading zero
    [InlineData("信市监〔2026〕0号")] // no document number 0
    [InlineData("信市监〔2026〕第12号")] // 第 before the sequence
    [InlineData("信市监第〔2026〕12号")]
    [InlineData("信市监[2026]12号")] // square brackets
    [InlineData("信市监(2026)12号")] // round brackets
    [InlineData("信市监（2026）12号")] // full-width round brackets
    [InlineData("信市监【2026】12号")] // lenticular brackets
    [InlineData("信市监〔26〕12号")] // abbreviated year
    [InlineData("信市监〔2026〕12")] // no 号
    [InlineData("〔2026〕12号")] // no issuer code
    [InlineData("信市监 〔2026〕12号")] // space
    [InlineData(" 信市监〔2026〕12号")]
    [InlineData("信市监〔2026〕12号 ")]
    [InlineData("信市监〔2026〕〔2026〕12号")]
    [InlineData("")]
    public void Malformed_numbers_are_rejected(string text)
    {
        Assert.False(DocumentNumber.IsWellFormed(text), text);
    }

    [Fact]
    public void Equal_numbers_compare_equal()
    {
        Assert.Equal(DocumentNumber.Create("信市监", 2026, 12), DocumentNumber.Create("信市监", 2026, 12));
        Assert.NotEqual(DocumentNumber.Create("信市监", 2026, 12), DocumentNumber.Create("信市监", 2027, 12));
    }

    [Fact]
    public void Dates_are_written_in_arabic_numerals_without_leading_zeros()
    {
        Assert.Equal("2026年1月5日", ChineseDates.Format(new DateOnly(2026, 1, 5)));
        Assert.Equal("2026年11月26日", ChineseDates.Format(new DateOnly(2026, 11, 26)));
    }
}
