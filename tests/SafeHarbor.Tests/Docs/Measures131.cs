namespace SafeHarbor.Tests.Docs;

/// <param name="NoCode">Why nothing in the system carries the article out; null when something does.</param>
public sealed record ArticleOutline(int Number, string Chinese, string English, IReadOnlyList<(int Item, string Chinese, string English)> Items, string? NoCode = null)
{
    public IEnumerable<Clause> Clauses => Items.Select(i => new Clause(Number, i.Item));
}

/// <summary>
/// The articles and clauses of 信市监〔2022〕131号 as the map of docs/articles.md lists them. The policy file
/// holds only what the system evaluates (conditions, windows, outcomes), not articles 1–3, 6 or 14–15, so
/// the whole outline lives here; a test refuses any citation in the code that this outline does not know.
/// </summary>
public static class Measures131
{
    public const string DocumentNumber = "信市监〔2022〕131号";

    public const string PolicyId = "xinyang-scjg-2022-131";

    public static IReadOnlyList<ArticleOutline> Articles { get; } =
    [
        new(1, "目的和依据", "purpose and basis", [],
            NoCode: "the article says why the measures exist and what they rest on (信办〔2022〕16号); there is nothing to record or decide"),
        new(2, "适用范围", "scope: sections, enforcement units and their staff; the focus is the leaders of branches and the detachment", []),
        new(3, "指导思想、原则，一事一议", "principles; one matter, one deliberation", []),
        new(4, "容错免责的条件", "conditions for exemption: within duties and law, bold but mistaken, no major accident, no improper benefit, and one of (1)–(6)",
        [
            (1, "贯彻落实柔性执法和包容审慎监管制度规定", "carrying out the bureau's rules on flexible enforcement and inclusive, prudent supervision"),
            (2, "法无禁止、政策无明确规定且有利于发展大局", "not forbidden by law, no express policy, good for the business environment"),
            (3, "执法程序符合法律法规规定", "enforcement procedure in accordance with law"),
            (4, "受不可抗因素影响", "force majeure"),
            (5, "主动为市场主体出谋划策、破解难题", "helping market entities solve problems"),
            (6, "主动挽回损失、消除影响或阻止危害", "recovering losses, removing effects or preventing harm"),
        ]),
        new(5, "认定容错免责的程序", "the procedure",
        [
            (1, "申请", "application within 7 working days after the accountability procedure started"),
            (2, "核实", "verification by 局机关纪委, written investigation report, guidance from 驻局纪检监察组"),
            (3, "认定", "collective determination by 局党组"),
            (4, "反馈", "written feedback with explanation"),
            (5, "公开", "publication by meeting or written circular"),
            (6, "备案", "filing by 局机关党委"),
        ]),
        new(6, "严格程序，防止滥用", "strict procedure, no abuse of the mechanism", []),
        new(7, "重复失误一般不予容错", "repeated errors on the same work or problem are generally not exempted", []),
        new(8, "纠错", "correction: individual talks, reminder letters, cause analysis, rectification followed up", []),
        new(9, "防错", "prevention: where errors recur or concentrate, risk points and warnings", []),
        new(10, "严禁打着柔性执法旗号吃拿卡要、徇私舞弊、办人情案", "flexible enforcement must not be used as cover for abuse", []),
        new(11, "容错免责结果运用", "what an exemption protects from",
        [
            (1, "党风廉政建设责任制考核免于扣分", "no deduction in the integrity-responsibility assessment"),
            (2, "年度综合目标考核免于扣分", "no deduction in the annual comprehensive target assessment"),
            (3, "干部调整、提拔任用、职称评定廉政审查免于一票否决", "no one-vote veto in cadre and title reviews"),
            (4, "年度考核、评先表优不作负面评价", "no negative evaluation in annual appraisal and awards"),
            (5, "确需追究党政纪责任的从轻或减轻处理", "lighter or mitigated handling where discipline must follow"),
        ]),
        new(12, "考核", "assessment of enforcement staff: annual and regular, indicators by unit and post, results used", []),
        new(13, "激励", "care and incentives: heart-to-heart talks, commendations, support for front-line staff", []),
        new(14, "解释部门", "interpreted by 局执法稽查科 with 局人事科", []),
        new(15, "施行日期", "in force from the date of issue", []),
    ];

    public static ArticleOutline? Find(int article) => Articles.FirstOrDefault(a => a.Number == article);

    /// <summary>An article of the outline, or a clause it lists.</summary>
    public static bool Knows(Clause clause) =>
        Find(clause.Article) is { } a && (clause.Item is null || a.Items.Any(i => i.Item == clause.Item));
}
