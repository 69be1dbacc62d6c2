using SafeHarbor.Documents;

namespace SafeHarbor.Tests.Documents;

/// <summary>
/// The bureau's fonts when installed (方正小标宋简体, 仿宋_GB2312 …); otherwise installed CJK serif faces,
/// never a sans face for the title or the body, and every substitution said in words.
/// </summary>
public sealed class DocumentFontsTests
{
    private static DocumentFonts Choose(params string[] installed) => DocumentFonts.Choose(installed.ToHashSet(StringComparer.Ordinal));

    private static bool IsSans(string face) =>
        face.Contains("Sans", StringComparison.OrdinalIgnoreCase) || face.Contains("Hei", StringComparison.OrdinalIgnoreCase) || face.Contains('黑');

    [Fact]
    public void With_every_prescribed_font_installed_nothing_is_substituted()
    {
        var fonts = Choose("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC");

        Assert.Equal("方正小标宋简体", fonts.Title);
        Assert.Equal("仿宋_GB2312", fonts.Body);
        Assert.Equal("黑体", fonts.Heading1);
        Assert.Equal("楷体_GB2312", fonts.Heading2);
        Assert.Equal("宋体", fonts.PageNumber);
        Assert.Empty(fonts.Substitutions);
    }

    [Fact]
    public void With_the_bureaus_title_and_body_fonts_installed_the_title_and_body_are_not_substituted()
    {
        var fonts = Choose("方正小标宋简体", "仿宋_GB2312");

        Assert.Equal("方正小标宋简体", fonts.Title);
        Assert.Equal("仿宋_GB2312", fonts.Body);
        Assert.DoesNotContain(fonts.Substitutions, s => s.Contains("小标宋") || s.Contains("正文"));
    }

    [Fact]
    public void With_only_noto_cjk_the_title_and_body_are_noto_serif_and_level_one_headings_may_be_noto_sans()
    {
        var fonts = Choose("Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans", "DejaVu Serif");

        Assert.Equal("Noto Serif CJK SC", fonts.Title);
        Assert.Equal("Noto Serif CJK SC", fonts.Body);
        Assert.Equal("Noto Sans CJK SC", fonts.Heading1); // 黑体 is itself a sans face
        Assert.Equal("Noto Serif CJK SC", fonts.Heading2);
        Assert.Equal("Noto Serif CJK SC", fonts.PageNumber);
        Assert.False(IsSans(fonts.Title));
        Assert.False(IsSans(fonts.Body));

        Assert.Contains(fonts.Substitutions, s => s.Contains("方正小标宋简体") && s.Contains("以 Noto Serif CJK SC 替代"));
        Assert.Contains(fonts.Substitutions, s => s.Contains("仿宋_GB2312") && s.Contains("以 Noto Serif CJK SC 替代"));
        Assert.Contains(fonts.Substitutions, s => s.Contains("黑体") && s.Contains("以 Noto Sans CJK SC 替代"));
        Assert.Equal(5, fonts.Substitutions.Count);
    }

    [Fact]
    public void With_only_sans_faces_installed_the_title_and_body_never_fall_back_to_sans()
    {
        var fonts = Choose("Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "DejaVu Sans", "Noto Sans Mono CJK SC");

        Assert.False(IsSans(fonts.Title), fonts.Title);
        Assert.False(IsSans(fonts.Body), fonts.Body);
        Assert.Equal("方正小标宋简体", fonts.Title);
        Assert.Equal("仿宋_GB2312", fonts.Body);
        Assert.Contains(fonts.Substitutions, s => s.Contains("方正小标宋简体") && s.Contains("由打开文档的计算机替代"));
    }

    [Fact]
    public void With_no_cjk_font_installed_the_official_names_are_kept_and_the_document_says_so()
    {
        var fonts = Choose();

        Assert.Equal("方正小标宋简体", fonts.Title);
        Assert.Equal("仿宋_GB2312", fonts.Body);
        Assert.Equal("黑体", fonts.Heading1);
        Assert.Equal("楷体_GB2312", fonts.Heading2);
        Assert.Equal("宋体", fonts.PageNumber);
        Assert.Equal(5, fonts.Substitutions.Count);
        Assert.All(fonts.Substitutions, s => Assert.Contains("由打开文档的计算机替代", s));
        Assert.Contains(fonts.Substitutions, s => s.StartsWith("标题（小标宋）：未安装 方正小标宋简体", StringComparison.Ordinal));
        Assert.Contains(fonts.Substitutions, s => s.StartsWith("正文（仿宋）：未安装 仿宋_GB2312", StringComparison.Ordinal));
    }

    [Fact]
    public void A_close_chinese_face_is_preferred_to_noto_when_both_are_installed()
    {
        var fonts = Choose("华文中宋", "仿宋", "Noto Serif CJK SC");

        Assert.Equal("华文中宋", fonts.Title);
        Assert.Equal("仿宋", fonts.Body);
        Assert.Contains(fonts.Substitutions, s => s.Contains("以 华文中宋 替代"));
    }

    [Fact]
    public void Font_names_are_matched_exactly_as_fontconfig_lists_them()
    {
        // fc-list gives family names; a differently spelt name is not the font.
        var fonts = Choose("noto serif cjk sc", "仿宋_GB2312 ");

        Assert.Equal("方正小标宋简体", fonts.Title);
        Assert.Equal("仿宋_GB2312", fonts.Body);
        Assert.Contains(fonts.Substitutions, s => s.Contains("正文（仿宋）") && s.Contains("由打开文档的计算机替代"));
    }

    [Fact]
    public void This_machines_choice_never_puts_the_title_or_body_in_a_sans_face()
    {
        var fonts = DocumentFonts.ForThisMachine;

        Assert.False(IsSans(fonts.Title), fonts.Title);
        Assert.False(IsSans(fonts.Body), fonts.Body);
        var installed = DocumentFonts.InstalledFamilies();
        if (installed.Contains("Noto Serif CJK SC") && !installed.Contains("方正小标宋简体"))
        {
            Assert.Equal("Noto Serif CJK SC", fonts.Title);
            Assert.NotEmpty(fonts.Substitutions);
        }
    }
}
