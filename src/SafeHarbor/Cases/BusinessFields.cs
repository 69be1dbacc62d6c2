namespace SafeHarbor.Cases;

/// <summary>Business fields (业务领域) of market supervision, used to group matters and detect repeats.</summary>
public static class BusinessFields
{
    public static readonly IReadOnlyList<string> All =
    [
        "食品安全", "特种设备", "药品", "医疗器械", "化妆品", "价格", "广告", "计量", "标准化", "认证认可",
        "知识产权", "登记注册", "信用监管", "网络交易", "产品质量", "反不正当竞争", "消费者权益保护", "综合执法",
    ];

    public static bool IsKnown(string? field) => field is not null && All.Contains(field);
}
