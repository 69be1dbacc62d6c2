namespace SafeHarbor.Cases;

/// <summary>Kinds of error (失误类型), used by prevention analysis (Art. 9) to see where the same kind recurs.</summary>
public static class ErrorKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "跟踪复查不到位", "审核把关不严", "执法程序瑕疵", "执法文书不规范", "首违不罚适用不当",
        "行政指导替代处罚不当", "调解承诺未跟踪", "监测预警不及时", "其他",
    ];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}
