using SafeHarbor.Cases;

namespace SafeHarbor.Tests.Domain;

public sealed class CaseNumberTests
{
    [Fact]
    public void Case_number_is_the_year_and_a_four_digit_sequence()
    {
        Assert.Equal("2026-0007", CaseNumber.Create(2026, 7).ToString());
        Assert.Equal("2026-9999", CaseNumber.Create(2026, 9999).ToString());
    }

    [Theory]
    [InlineData("2026-0007", 2026, 7)]
    [InlineData(" 2025-0123 ", 2025, 123)]
    [InlineData("2026-9999", 2026, 9999)]
    public void Case_number_parses_its_own_format(string text, int year, int sequence)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));

        Assert.Equal(year, number!.Year);
        Assert.Equal(sequence, number.Sequence);
        Assert.Equal(CaseNumber.Create(year, sequence), number);
    }

    [Theory]
    [InlineData("2026-7")]
    [InlineData("2026-0000")]
    [InlineData("2026-00007")]
    [InlineData("26-0007")]
    [InlineData("1999-0007")]
    [InlineData("2026/0007")]
    [InlineData("")]
    [InlineData(null)]
    public void Case_number_rejects_other_text(string? text)
    {
        Assert.False(CaseNumber.TryParse(text, out var number));
        Assert.Null(number);
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 10000)]
    [InlineData(1999, 1)]
    [InlineData(3000, 1)]
    public void Case_number_out_of_range_is_refused(int year, int sequence)
    {
        var ex = Assert.Throws<DomainException>(() => CaseNumber.Create(year, sequence));

        Assert.Equal("case-number-invalid", ex.Code);
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Case_number_round_trips_through_text()
    {
        var original = CaseNumber.Create(2024, 42);

        Assert.True(CaseNumber.TryParse(original.ToString(), out var parsed));
        Assert.Equal(original, parsed);
    }
}

public sealed class ValidationTests
{
    [Fact]
    public void Validation_collects_every_field_error_before_throwing()
    {
        var v = new Validation()
            .RequireText(null, "title", "标题", 10)
            .RequireText("这段文字超过了十个字的长度限制", "summary", "摘要", 10)
            .Require(false, "dueOn", "期限应晚于今天。")
            .Require(true, "ok", "不会出现");

        Assert.False(v.IsValid);
        var ex = Assert.Throws<DomainException>(v.ThrowIfInvalid);

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal("validation-failed", ex.Code);
        Assert.Equal(["dueOn", "summary", "title"], ex.Errors!.Keys.Order());
        Assert.Equal(["请填写标题。"], ex.Errors["title"]);
        Assert.Equal(["摘要不能超过 10 个字。"], ex.Errors["summary"]);
        Assert.StartsWith("提交的内容有误：请填写标题。", ex.Message);
    }

    [Fact]
    public void Validation_keeps_several_messages_for_one_field()
    {
        var ex = Assert.Throws<DomainException>(new Validation()
            .Require(false, "claims", "第一条")
            .Require(false, "claims", "第二条")
            .ThrowIfInvalid);

        Assert.Equal(["第一条", "第二条"], ex.Errors!["claims"]);
    }

    [Fact]
    public void Validation_with_no_errors_does_not_throw()
    {
        var v = new Validation().RequireText("标题", "title", "标题", 10).Require(true, "x", "无");

        Assert.True(v.IsValid);
        v.ThrowIfInvalid();
        Assert.True(v.IsValid);
    }
}
