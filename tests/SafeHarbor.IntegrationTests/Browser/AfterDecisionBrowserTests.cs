using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using static Microsoft.Playwright.Assertions;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// After the decision, in a real browser: the correction of Art. 8 taken to closure on the 纠错整改 workspace
/// (局办公室 records, the measure's owner reports it done, the office checks and closes), then the person's profile
/// (个人档案, Art. 11) and the cadre review (干部廉政审查) as 人事科 reads them, and a colleague refused the profile.
/// The case is put before the party group and decided through the API. Each step leaves a screenshot in
/// test-artifacts/screenshots (after-decision-NN-….png).
/// </summary>
[Article("8", "11(3)")]
public sealed partial class AfterDecisionBrowserTests
{
    // The app's clock stands on Monday 2026-09-21 (TestClock). Five working days, today not counted, skip
    // 中秋节 (09-25…27): 09-22, 23, 24, 28, 29.
    private const string Today = "2026-09-21";
    private const string Due = "2026-09-29";

    private const string Title = "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时";
    private const string TalkPoints = "指出不予处罚后跟踪抽检不及时的问题，要求逐案建立复查台账。";
    private const string LetterPoints = "提醒逐案明确跟踪复查时限和责任人，按期开展抽检。";
    private const string Analysis = "跟踪复查没有台账，到期无提醒；同期任务集中时未调配人手。";
    private const string Measure = "建立不予处罚案件跟踪复查台账，逐案明确复查时限。";
    private const string Evidence = "台账已建立并运行，附台账截图和补做抽检报告。";
    private const string Finding = "抽查台账，均已按期复查；补做抽检结果合格。";
    private const string Closure = "措施已完成并经跟踪检查整改到位，附台账和抽检报告。";

    /// <summary>The five uses of Art. 11 an exemption carries, as the profile lists them.</summary>
    private static readonly string[] ProfileUses =
    [
        "第十一条第（一）项 党风廉政建设责任制考核免于扣分",
        "第十一条第（二）项 年度综合目标考核免于扣分",
        "第十一条第（三）项 干部调整、提拔任用、职称评定廉政审查免于一票否决",
        "第十一条第（四）项 年度考核、评先表优不作负面评价",
        "第十一条第（五）项 确需追究党政纪责任的从轻或减轻处理",
    ];

    /// <summary>The same uses as the cadre review words them (article and text of the record).</summary>
    private static readonly string[] CadreReviewUses =
    [
        "第十一条第（一）项 在落实党风廉政建设责任制考核中免于扣分",
        "第十一条第（二）项 在年度综合目标考核中免于扣分",
        "第十一条第（三）项 在干部调整、提拔任用，职称评定等党风廉政审查中，免于一票否决",
        "第十一条第（四）项 在年度考核、评先表优中不作负面评价",
        "第十一条第（五）项 确需追究党政纪责任的，可酌情从轻或减轻处理",
    ];

    static AfterDecisionBrowserTests()
    {
        SetDefaultExpectTimeout(15_000);
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task An_exempted_case_is_corrected_to_closure_and_shows_on_the_persons_profile()
    {
        await using var app = await KestrelApp.StartAsync();
        using var api = new ApiArrange(app);
        var c = await api.ReportedCaseAsync(Title);
        await DecideExemptedAsync(api, app, c);
        var staffA = app.Cast.PersonOf["staffA"];
        await using var chromium = await Chromium.LaunchAsync(app, "after-decision-");
        var page = chromium.Page;
        var correctionUrl = $"/Correction/{c.Id}";

        // ---- 局办公室 finds the case on 纠错整改 -----------------------------------------------------
        await chromium.SignInAsync("office", "孙秘书");
        await Menu(page, "纠错与激励", "纠错整改");
        await Expect(page).ToHaveURLAsync(new Regex("/Correction$"));
        var listed = page.GetByTestId("correction-list").Locator($"tr[data-case='{c.Id}']");
        await Expect(listed).ToContainTextAsync(Title);
        await Expect(listed).ToContainTextAsync("何执法");
        await Expect(listed).ToContainTextAsync("予以容错免责");
        await Expect(listed.GetByTestId("plan")).ToHaveTextAsync("未制定");
        await Expect(listed.GetByTestId("stage")).ToHaveTextAsync("待谈话或发函提醒");
        await chromium.ShotAsync("office-correction-list");
        await listed.GetByRole(AriaRole.Link, new() { Name = c.Number }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{correctionUrl}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"纠错整改 案件 {c.Number}");
        await Expect(page.GetByTestId("outcome")).ToHaveTextAsync("予以容错免责");
        await Expect(Stage(page)).ToHaveTextAsync("待谈话或发函提醒");
        await Expect(page.GetByTestId("article")).ToContainTextAsync("第八条");
        await Expect(page.Locator("#plan")).ToContainTextAsync("请先分析原因，再据此制定整改措施。");
        await Expect(page.GetByTestId("plan-form")).ToHaveCountAsync(0);
        await chromium.ShotAsync("office-workspace-opened");

        // ---- 个别谈话 --------------------------------------------------------------------------------
        var talk = page.GetByTestId("talk-form");
        await Expect(talk.GetByLabel("谈话日期")).ToHaveValueAsync(Today);
        await Expect(talk.GetByLabel("谈话地点")).ToHaveValueAsync("局机关谈话室");
        await Expect(talk.GetByLabel("谈话对象").Locator("option:checked")).ToHaveTextAsync("何执法");
        await talk.GetByLabel("谈话人").SelectOptionAsync(new SelectOptionValue { Label = "周书记（测试市局 负责人）" });
        await talk.GetByLabel("谈话要点：指出的错误和问题").FillAsync(TalkPoints);
        await talk.GetByRole(AriaRole.Button, new() { Name = "记录谈话" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已记录个别谈话。");
        await Expect(page).ToHaveURLAsync(new Regex($"{correctionUrl}#talks$"));
        var talks = page.GetByTestId("talks").Locator("li");
        await Expect(talks).ToHaveCountAsync(1);
        await Expect(talks).ToContainTextAsync($"{Today} · 谈话人 周书记 · 谈话对象 何执法 · 局机关谈话室");
        await Expect(talks).ToContainTextAsync(TalkPoints);
        await Expect(Stage(page)).ToHaveTextAsync("待分析原因");
        await chromium.ShotAsync("office-talk-recorded");

        // ---- 提醒函: downloaded first (it takes its number), then the letter is registered with that number ----
        await Expect(page.GetByTestId("letter-form")).ToContainTextAsync("尚未出具提醒函文号");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("doc-reminder-letter").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        await page.ReloadAsync();
        var letter = page.GetByTestId("letter-form");
        await Expect(letter).ToContainTextAsync("将关联已出具的提醒函文号：");
        var hint = await letter.Locator("p.small").InnerTextAsync();
        var issued = LetterNumber().Match(hint);
        Assert.True(issued.Success, $"no reminder letter number in: {hint}");
        var letterNumber = issued.Groups[1].Value;
        await Expect(letter.GetByLabel("发函日期")).ToHaveValueAsync(Today);
        await Expect(letter.GetByLabel("收函单位或个人")).ToHaveValueAsync("何执法");
        await letter.GetByLabel("提醒要点").FillAsync(LetterPoints);
        await letter.GetByRole(AriaRole.Button, new() { Name = "登记发函" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已登记发函提醒。");
        var letters = page.GetByTestId("letters").Locator("li");
        await Expect(letters).ToHaveCountAsync(1);
        await Expect(letters).ToContainTextAsync($"{Today} 致 何执法 · 文号 {letterNumber}");
        await Expect(letters.GetByTestId("letter-number")).ToHaveTextAsync(letterNumber);
        await Expect(letters).ToContainTextAsync(LetterPoints);
        await Expect(Stage(page)).ToHaveTextAsync("待分析原因");
        await chromium.ShotAsync("office-reminder-letter-registered");

        // ---- 原因分析 ---------------------------------------------------------------------------------
        await page.GetByTestId("analysis-form").GetByLabel("记录原因分析").FillAsync(Analysis);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存原因分析" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已保存原因分析。");
        await Expect(page.GetByTestId("analysis")).ToContainTextAsync(Analysis);
        await Expect(page.GetByTestId("analysis")).ToContainTextAsync($"孙秘书 记录于 {Today}");
        await Expect(page.GetByTestId("analysis-form").GetByLabel("修改原因分析")).ToHaveValueAsync(Analysis);
        await Expect(Stage(page)).ToHaveTextAsync("待制定整改措施");
        await chromium.ShotAsync("office-cause-analysed");

        // ---- 整改方案: one measure, 何执法, five working days ---------------------------------------------
        var plan = page.GetByTestId("plan-form");
        var row = plan.Locator("div.row", new() { Has = page.GetByLabel("措施 1") });
        await row.GetByLabel("措施 1").FillAsync(Measure);
        await Expect(row.GetByLabel("责任人").Locator("option:checked")).ToHaveTextAsync("何执法（城东分局 干部）");
        await row.GetByLabel("责任人").SelectOptionAsync(new SelectOptionValue { Label = "何执法（城东分局 干部）" });
        await row.GetByLabel("时限（工作日）").FillAsync("5");
        await chromium.ShotAsync("office-plan-filled");
        await plan.GetByRole(AriaRole.Button, new() { Name = "制定整改方案" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("整改方案已制定，措施责任人将在待办中看到各自的措施和期限。");
        await Expect(Stage(page)).ToHaveTextAsync("整改中");
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("整改中");
        var measures = page.GetByTestId("measures").Locator("tbody tr");
        await Expect(measures).ToHaveCountAsync(1);
        await Expect(measures.Locator("td").Nth(0)).ToHaveTextAsync(Measure);
        await Expect(measures.Locator("td").Nth(1)).ToHaveTextAsync("何执法");
        await Expect(measures.Locator("td").Nth(2)).ToContainTextAsync(Due);
        await Expect(measures.Locator("td").Nth(2)).ToContainTextAsync("5 个工作日");
        await Expect(measures.GetByTestId("measure-state")).ToHaveTextAsync($"剩余 5 个工作日（截至 {Due}）");
        await Expect(measures.GetByTestId("complete-form")).ToHaveCountAsync(0); // the office owns no measure
        await Expect(page.GetByTestId("close-blocker")).ToContainTextAsync("还有 1 项整改措施未完成（何执法：");
        await Expect(page.GetByTestId("close-blocker")).ToContainTextAsync("全部完成后才能销号。");
        await Expect(page.GetByTestId("close-form")).ToHaveCountAsync(0);
        await chromium.ShotAsync("office-plan-made");
        await chromium.SignOutAsync();

        // ---- the owner reports the measure done on 我的整改措施 -------------------------------------------
        await chromium.SignInAsync("staffA", "何执法");
        await Menu(page, "我的", "我的整改措施");
        await Expect(page).ToHaveURLAsync(new Regex("/Correction/Mine$"));
        var mine = page.GetByTestId("my-measures").Locator("tbody tr", new() { HasText = Measure });
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine).ToContainTextAsync(c.Number);
        await Expect(mine).ToContainTextAsync(Title);
        await Expect(mine.GetByTestId("measure-state")).ToHaveTextAsync($"剩余 5 个工作日（截至 {Due}）");
        await mine.GetByLabel("完成情况和佐证").FillAsync(Evidence);
        await chromium.ShotAsync("owner-measure-report-filled");
        await mine.GetByRole(AriaRole.Button, new() { Name = "登记完成" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已登记整改措施完成情况。");
        mine = page.GetByTestId("my-measures").Locator("tbody tr", new() { HasText = Measure });
        await Expect(mine.GetByTestId("measure-state")).ToHaveTextAsync("已完成");
        await Expect(mine).ToContainTextAsync($"{Today} {Evidence}");
        await Expect(mine.GetByTestId("complete-form")).ToHaveCountAsync(0);
        await chromium.ShotAsync("owner-measure-done");
        await chromium.SignOutAsync();

        // ---- 局办公室 follows up and closes the plan -------------------------------------------------------
        await chromium.SignInAsync("office", "孙秘书");
        await page.GotoAsync(correctionUrl);
        measures = page.GetByTestId("measures").Locator("tbody tr");
        await Expect(measures.GetByTestId("measure-state")).ToHaveTextAsync("已完成");
        await Expect(measures.Locator("td").Nth(4)).ToHaveTextAsync($"{Today} {Evidence}");
        await Expect(page.GetByTestId("close-blocker")).ToHaveTextAsync(
            $"最后一项措施于 {Today} 完成，此后尚无结论为“整改到位”的跟踪检查。请先由局机关纪委或局办公室跟踪检查。");
        await chromium.ShotAsync("office-measure-done-awaiting-check");
        var followUp = page.GetByTestId("follow-up-form");
        await Expect(followUp.GetByLabel("检查日期")).ToHaveValueAsync(Today);
        await followUp.GetByLabel("整改到位", new() { Exact = true }).CheckAsync();
        await followUp.GetByLabel("检查发现").FillAsync(Finding);
        await followUp.GetByRole(AriaRole.Button, new() { Name = "记录检查" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已记录跟踪检查。");
        var checks = page.GetByTestId("checks").Locator("li");
        await Expect(checks).ToHaveCountAsync(1);
        await Expect(checks).ToContainTextAsync($"{Today} · 孙秘书 整改到位");
        await Expect(checks).ToContainTextAsync(Finding);
        await Expect(page.GetByTestId("close-blocker")).ToHaveCountAsync(0);
        await chromium.ShotAsync("office-follow-up-satisfactory");
        var close = page.GetByTestId("close-form");
        await close.GetByLabel("整改完成情况和佐证材料").FillAsync(Closure);
        await close.GetByRole(AriaRole.Button, new() { Name = "验收销号" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("整改方案已验收销号。");
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("已验收销号");
        await Expect(Stage(page)).ToHaveTextAsync("已验收销号");
        await Expect(page.GetByTestId("closure")).ToHaveTextAsync($"{Today} 验收销号：{Closure}");
        foreach (var form in new[] { "analysis-form", "measure-form", "follow-up-form", "close-panel", "complete-form" })
        {
            await Expect(page.GetByTestId(form)).ToHaveCountAsync(0);
        }
        await chromium.ShotAsync("office-plan-closed");
        await Menu(page, "纠错与激励", "纠错整改");
        listed = page.GetByTestId("correction-list").Locator($"tr[data-case='{c.Id}']");
        await Expect(listed.GetByTestId("talks")).ToHaveTextAsync("1");
        await Expect(listed.GetByTestId("letters")).ToHaveTextAsync("1");
        await Expect(listed.GetByTestId("plan")).ToHaveTextAsync("已验收销号（1/1）");
        await Expect(listed.GetByTestId("stage")).ToHaveTextAsync("已验收销号");
        await chromium.ShotAsync("office-correction-list-closed");
        await chromium.SignOutAsync();

        // ---- 人事科 reads 何执法's profile ------------------------------------------------------------------
        await chromium.SignInAsync("personnel", "黄人事");
        await page.GotoAsync($"/People/{staffA}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("个人档案 何执法");
        await Expect(page.GetByTestId("person-unit")).ToContainTextAsync("城东分局");
        await Expect(page.GetByTestId("summary")).ToHaveTextAsync(
            "何执法涉及问责事项 1 件（予以容错免责 1 件，从轻或减轻处理 0 件，不予容错免责 0 件），结果运用记录 5 条；负责整改措施 1 项，已完成 1 项。");
        var matter = page.GetByTestId("profile-cases").Locator($"tr[data-case='{c.Id}']");
        await Expect(page.GetByTestId("profile-cases").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(matter).ToContainTextAsync(c.Number);
        await Expect(matter).ToContainTextAsync(Title);
        await Expect(matter).ToContainTextAsync("问责对象、申请人");
        await Expect(matter.GetByTestId("exemption")).ToHaveTextAsync("已予容错免责");
        await Expect(matter.GetByTestId("uses").Locator("li")).ToHaveTextAsync(ProfileUses);
        await Expect(matter.GetByRole(AriaRole.Link)).ToHaveCountAsync(0); // 人事科 reads the records, not the case
        var corrected = page.GetByTestId("profile-corrections").Locator($"tr[data-case='{c.Id}']");
        await Expect(corrected.GetByTestId("correction-stage")).ToHaveTextAsync("已验收销号");
        await Expect(corrected).ToContainTextAsync("谈话 1 次，发函 1 次，已分析原因");
        await Expect(corrected).ToContainTextAsync("1/1 项已完成");
        await Expect(corrected.GetByTestId("closure")).ToHaveTextAsync($"{Today} {Closure}");
        var ownMeasure = page.GetByTestId("profile-measures").Locator("tbody tr");
        await Expect(ownMeasure).ToHaveCountAsync(1);
        await Expect(ownMeasure).ToContainTextAsync(Measure);
        await Expect(ownMeasure.GetByTestId("measure-state")).ToHaveTextAsync("已完成");
        await Expect(ownMeasure).ToContainTextAsync("方案已销号");
        var profileTalk = page.GetByTestId("profile-correction-talks").Locator("li");
        await Expect(profileTalk).ToContainTextAsync($"{Today} · 案件 {c.Number} · 谈话人 周书记 · 局机关谈话室");
        await Expect(profileTalk).Not.ToContainTextAsync(TalkPoints); // the points stay with those who read the case
        await chromium.ShotAsync("personnel-profile");

        // ---- … and the cadre review from there ---------------------------------------------------------------
        await page.GetByTestId("cadre-review-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ResultUses/CadreReview/{staffA}$"));
        await Expect(page.GetByTestId("cadre-summary")).ToHaveTextAsync(
            "何执法共有 1 个问责事项，均已予容错免责，在干部调整、提拔任用、职称评定等党风廉政审查中免于一票否决。");
        var reviewed = page.GetByTestId("cadre-matters").Locator("tbody tr");
        await Expect(reviewed).ToHaveCountAsync(1);
        await Expect(reviewed).ToHaveAttributeAsync("data-case", c.Id.ToString());
        await Expect(reviewed.Locator("td").Nth(0)).ToHaveTextAsync(c.Number);
        await Expect(reviewed.Locator("td").Nth(1)).ToHaveTextAsync(Title);
        await Expect(reviewed.GetByTestId("exemption")).ToHaveTextAsync("已予容错免责");
        await Expect(reviewed.GetByTestId("veto")).ToHaveTextAsync("免于一票否决");
        // Each use once, in the order of the article's items, as the profile lists them.
        await Expect(reviewed.Locator("td").Nth(6).Locator("li")).ToHaveTextAsync(CadreReviewUses);
        await chromium.ShotAsync("personnel-cadre-review");

        // ---- … and the figures: charts drawn from their tables (charts.js), an empty one says so ---------------
        await page.GotoAsync("/Dashboard");
        await Expect(page.Locator("[data-chart][data-table=correction-stages] svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-chart][data-table=records-by-use] svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-chart][data-table=incentives]")).ToHaveTextAsync("暂无数据");
        await chromium.ShotAsync("personnel-dashboard");
        await page.GotoAsync("/Incentives/Report");
        await Expect(page.Locator("[data-incentive-chart]")).ToHaveTextAsync("本年度暂无记录");
        await chromium.SignOutAsync();

        // ---- a colleague of another branch is refused the profile ----------------------------------------------
        await chromium.SignInAsync("staffB", "杨执法");
        var refused = await page.GotoAsync($"/People/{staffA}");
        Assert.Equal(403, refused?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权访问");
        // The page says why, in the rule's own words.
        await Expect(page.Locator("main")).ToContainTextAsync("个人档案仅供本人、人事科、容错免责程序中承担职责的机构和本人所在单位的领导查看。");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(Title);
        await chromium.ShotAsync("colleague-refused-profile");
        await chromium.SignOutAsync();

        chromium.AssertNoProblems();
    }

    /// <summary>As <see cref="Procedure.DecideAtMeetingAsync"/>: a meeting with m1–m5 present, the case on its agenda, five votes to exempt, the decision.</summary>
    private static async Task DecideExemptedAsync(ApiArrange api, KestrelApp app, CaseRef c)
    {
        var office = api.As("office");
        var meeting = (await office.PostJsonAsync("/api/meetings", new { title = "2026年第十八次党组会议", heldOn = app.Clock.Today, place = "局机关会议室" }).OkAsync())
            .GetProperty("id").GetGuid();
        var members = Cast.Members.Select(m => new { personId = app.Cast.PersonOf[m], present = true, absenceReason = (string?)null }).ToArray();
        await office.PutJsonAsync($"/api/meetings/{meeting}/attendance", new { members }).OkAsync();
        await office.PostJsonAsync($"/api/meetings/{meeting}/agenda", new { caseId = c.Id }).OkAsync();
        foreach (var member in Cast.Members)
        {
            await api.As(member).PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/votes", new { choice = VoteChoice.Exempted }).OkAsync();
        }
        await office.PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/decision", new
        {
            outcome = Outcome.Exempted,
            reasons = "经集体研究，依据调查报告和第四条第（一）项、第（六）项规定，予以容错免责。",
            mitigation = (string?)null,
        }).OkAsync();
    }

    /// <summary>Opens a menu of the main bar and follows one of its links.</summary>
    private static async Task Menu(IPage page, string menu, string item)
    {
        var bar = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await bar.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
        await bar.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    private static ILocator Notice(IPage page) => page.Locator("main > div.alert-success[role=status]");

    private static ILocator Stage(IPage page) => page.Locator("main").GetByTestId("stage");

    [GeneratedRegex(@"将关联已出具的提醒函文号：(.+)。")]
    private static partial Regex LetterNumber();
}
