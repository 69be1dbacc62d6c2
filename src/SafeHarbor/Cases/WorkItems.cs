namespace SafeHarbor.Cases;

/// <summary>
/// The work a matter arose in (工作事项): the enforcement activity, chosen from a list so that Art. 7's
/// "同一工作" is a fact to compare, not a wording to guess at.
/// </summary>
[Article("7")]
public static class WorkItems
{
    public static readonly IReadOnlyList<string> All =
    [
        "行政处罚", "行政许可", "日常监督检查", "监督抽检", "投诉举报处理", "案件线索移送", "行政指导和约谈",
        "信用监管", "广告监测", "特种设备安全监察", "计量和标准化管理", "其他",
    ];

    public static bool IsKnown(string? item) => item is not null && All.Contains(item);
}
