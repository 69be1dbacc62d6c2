namespace SafeHarbor.Features.Assessment;

public static class AssessmentNames
{
    public static string Chinese(this Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Competent => "称职",
        Grade.BasicallyCompetent => "基本称职",
        Grade.Incompetent => "不称职",
        _ => grade.ToString(),
    };

    public static string Chinese(this PeriodKind kind) => kind switch
    {
        PeriodKind.Annual => "年度考核",
        PeriodKind.Quarterly => "平时考核（季度）",
        _ => kind.ToString(),
    };

    public static string QuarterName(int quarter) => quarter switch
    {
        1 => "第一季度",
        2 => "第二季度",
        3 => "第三季度",
        4 => "第四季度",
        _ => $"第{quarter}季度",
    };

    /// <summary>The name a period gets when the personnel section gives none, e.g. 2026年度考核, 2026年第三季度平时考核.</summary>
    public static string DefaultPeriodName(PeriodKind kind, int year, int? quarter) =>
        kind == PeriodKind.Annual ? $"{year}年度考核" : $"{year}年{QuarterName(quarter ?? 0)}平时考核";

    /// <summary>A score as the users write it: 92、87.5.</summary>
    public static string Points(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
