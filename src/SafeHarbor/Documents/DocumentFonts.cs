using System.Diagnostics;

namespace SafeHarbor.Documents;

/// <summary>
/// The faces a document uses. The bureau's fonts when installed (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312);
/// otherwise installed CJK serif faces, never a sans face for the title or the body, and the
/// substitution is written into the document properties.
/// </summary>
public sealed record DocumentFonts(string Title, string Body, string Heading1, string Heading2, string PageNumber, IReadOnlyList<string> Substitutions)
{
    private static readonly string[] TitleChoices = ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN"];
    private static readonly string[] BodyChoices = ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN"];
    private static readonly string[] Heading1Choices = ["黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC"];
    private static readonly string[] Heading2Choices = ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC"];
    private static readonly string[] NumberChoices = ["宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC"];

    private static readonly Lazy<DocumentFonts> Installed = new(() => Choose(InstalledFamilies()));

    /// <summary>The choice for this machine's installed fonts, read once.</summary>
    public static DocumentFonts ForThisMachine => Installed.Value;

    public static DocumentFonts Choose(IReadOnlySet<string> installed)
    {
        var substitutions = new List<string>();
        string Pick(string role, string[] choices)
        {
            var found = choices.FirstOrDefault(installed.Contains);
            if (found is null)
            {
                substitutions.Add($"{role}：未安装 {choices[0]} 及可替代的中文衬线字体，文档仍指定 {choices[0]}，由打开文档的计算机替代");
                return choices[0];
            }
            if (found != choices[0])
            {
                substitutions.Add($"{role}：未安装 {choices[0]}，以 {found} 替代");
            }
            return found;
        }
        var title = Pick("标题（小标宋）", TitleChoices);
        var body = Pick("正文（仿宋）", BodyChoices);
        var heading1 = Pick("一级标题（黑体）", Heading1Choices);
        var heading2 = Pick("二级标题（楷体）", Heading2Choices);
        var number = Pick("页码（宋体）", NumberChoices);
        return new DocumentFonts(title, body, heading1, heading2, number, substitutions);
    }

    /// <summary>Font families fontconfig knows; empty where fontconfig is absent.</summary>
    public static IReadOnlySet<string> InstalledFamilies()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", ": family")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return new HashSet<string>();
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(line => line.Split(','))
                .Select(f => f.Trim())
                .Where(f => f.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new HashSet<string>();
        }
    }
}
