namespace SafeHarbor.Features.Assessment;

/// <summary>
/// The grades of a period (Art. 12). Within each unit, those whose total reaches their scheme's 优秀 line
/// are ranked by total, and at most ⌊quota% × the number assessed in that unit⌋ of them are 优秀; the quota
/// is a ceiling, so people tied on the last place are not split by chance: when the places cannot hold
/// every one of them, none of the tied is 优秀. Everyone else is 称职 at or above the 称职 line, 基本称职
/// at or above the 基本称职 line, and 不称职 below it. When people of one unit are assessed under schemes
/// with different quotas, the smallest quota counts for the unit.
/// </summary>
public static class Grading
{
    public sealed record Entry(Guid Id, Guid UnitId, decimal Total, decimal ExcellentLine, decimal CompetentLine, decimal BasicLine, int QuotaPercent);

    /// <summary>One unit's quota: how many were assessed, how many places, who reached the line, who is 优秀, who tied at the cut-off.</summary>
    public sealed record UnitQuota(
        Guid UnitId, int Assessed, int QuotaPercent, int Places,
        IReadOnlyList<Guid> AtOrAboveLine, IReadOnlyList<Guid> Excellent, IReadOnlyList<Guid> TiedAtCutOff, decimal? TiedTotal);

    public sealed record Result(IReadOnlyDictionary<Guid, Grade> Grades, IReadOnlyList<UnitQuota> Units);

    /// <summary>⌊percent × assessed / 100⌋.</summary>
    public static int Places(int quotaPercent, int assessed) => quotaPercent * assessed / 100;

    public static Result Compute(IEnumerable<Entry> entries)
    {
        var grades = new Dictionary<Guid, Grade>();
        var units = new List<UnitQuota>();
        foreach (var unit in entries.GroupBy(e => e.UnitId))
        {
            var all = unit.ToList();
            var quota = all.Min(e => e.QuotaPercent);
            var places = Places(quota, all.Count);
            var eligible = all.Where(e => e.Total >= e.ExcellentLine).OrderByDescending(e => e.Total).ToList();
            var excellent = eligible;
            var tied = new List<Entry>();
            decimal? tiedTotal = null;
            if (eligible.Count > places)
            {
                excellent = eligible.Take(places).ToList();
                if (places > 0 && eligible[places].Total == eligible[places - 1].Total)
                {
                    tiedTotal = eligible[places].Total;
                    tied = eligible.Where(e => e.Total == tiedTotal).ToList();
                    excellent = excellent.Where(e => e.Total != tiedTotal).ToList();
                }
            }
            foreach (var e in all)
            {
                grades[e.Id] = excellent.Contains(e) ? Grade.Excellent
                    : e.Total >= e.CompetentLine ? Grade.Competent
                    : e.Total >= e.BasicLine ? Grade.BasicallyCompetent
                    : Grade.Incompetent;
            }
            units.Add(new UnitQuota(unit.Key, all.Count, quota, places,
                eligible.Select(e => e.Id).ToList(), excellent.Select(e => e.Id).ToList(), tied.Select(e => e.Id).ToList(), tiedTotal));
        }
        return new Result(grades, units);
    }

    public const string RuleText =
        "等次评定规则：在同一考核期内按单位分别评定。总分达到考核方案“优秀”分数线的人员按总分从高到低排序，"
        + "优秀名额为该单位参加考核人数乘以优秀比例后向下取整（例如 5 人 × 20% = 1 名，4 人 × 20% = 0 名），名额以内的评为优秀；"
        + "名额末位出现总分并列且名额不足以容纳全部并列人员时，并列人员均不评为优秀，由人事科研究处理。"
        + "其余人员总分达到“称职”分数线的评为称职，达到“基本称职”分数线的评为基本称职，低于“基本称职”分数线的评为不称职。"
        + "同一单位的人员适用不同方案时，以其中最低的优秀比例计算名额。依第十一条，已予容错免责的事项不得扣分。";
}
