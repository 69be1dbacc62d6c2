using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// The procedure in a real browser: Debian's Chromium, driven by Playwright, against the app served by
/// Kestrel over HTTP. People sign in through the login form and out with 退出, and do every step with
/// the pages alone. Each step leaves a screenshot in test-artifacts/screenshots.
/// </summary>
[Article("5(1)", "5(2)", "5(3)", "5(4)", "5(5)", "5(6)")]
public sealed partial class WebUiProcedureTests
{
    // The app's clock stands on Monday 2026-09-21 (TestClock). Seven working days, the start day not
    // counted, skip 中秋节 (09-25…27) and 国庆节 (10-01…07): 09-22, 23, 24, 28, 29, 30, 10-08.
    private const string Today = "2026-09-21";
    private const string Deadline = "2026-10-08";
    private const string DeadlineText = "剩余 7 个工作日（截至 2026-10-08）";

    private const string QuorumReached = "已达到法定人数：应到 5 人，实到 5 人，达到法定人数（超过应到会成员的1/2）。";

    private const string Title = "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时";

    static WebUiProcedureTests()
    {
        SetDefaultExpectTimeout(15_000);
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task A_case_goes_from_matter_to_archive_through_the_web_ui_alone()
    {
        await using var app = await KestrelApp.StartAsync();
        await using var chromium = await Chromium.LaunchAsync(app, "");
        var page = chromium.Page;

        // ---- 局机关纪委 registers the matter -----------------------------------------------------
        await chromium.SignInAsync("inv", "刘纪检");
        await Expect(page.Locator("#who-am-i")).ToContainTextAsync("机关纪委");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "登记问责事项" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Cases/New$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记问责事项" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("启动问责程序日期")).ToHaveValueAsync(Today);
        await Expect(page.GetByLabel("启动问责的机关")).ToHaveValueAsync("局党组");
        await page.GetByLabel("事项名称").FillAsync(Title);
        await page.GetByLabel("问题事实").FillAsync("对辖区首次轻微违法的小微食品经营者依法不予处罚后，未按计划开展跟踪抽检复查，后续抽检发现一批次产品不合格。");
        await page.GetByLabel("业务领域").SelectOptionAsync(new SelectOptionValue { Label = "食品安全" });
        await page.GetByLabel("被问责人员").SelectOptionAsync(new SelectOptionValue { Label = "何执法（干部）" });
        await chromium.ShotAsync("inv-new-matter-filled");
        // A double click on 登记 registers the matter once.
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).DblClickAsync();
        await Expect(page).ToHaveURLAsync(CasePage());
        var caseUrl = new Uri(page.Url).AbsolutePath;
        var caseId = caseUrl["/Cases/".Length..];
        await Expect(Notice(page)).ToContainTextAsync("已登记问责事项，案件编号");
        var number = NumberIn(await Notice(page).InnerTextAsync());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"案件 {number} {Title}");
        await Expect(Status(page)).ToHaveTextAsync("待申请");
        await Expect(Section(page, "问责事项")).ToContainTextAsync("何执法");
        await Expect(Section(page, "问责事项")).ToContainTextAsync($"启动问责日期{Today}");
        await Expect(Section(page, "问责事项")).ToContainTextAsync($"截至 {Deadline}");
        // The case page shows the date once, beside what is left.
        await Expect(page.GetByTestId("application-deadline")).ToHaveTextAsync("截至 2026-10-08 剩余 7 个工作日");
        await chromium.ShotAsync("inv-matter-registered");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "案件", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("total")).ToHaveTextAsync("共 1 件");
        await Expect(page.GetByTestId("case-list").Locator("tbody tr")).ToHaveCountAsync(1);
        await chromium.ShotAsync("inv-case-list-one-case");
        Assert.Equal(1, await CountCasesAsync(app));
        await chromium.SignOutAsync();

        // ---- the person held accountable applies ---------------------------------------------------
        await chromium.SignInAsync("staffA", "何执法");
        var todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo).ToHaveCountAsync(1);
        await Expect(todo).ToContainTextAsync(Title);
        await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("待申请");
        await Expect(todo.GetByTestId("deadline")).ToHaveTextAsync($"申请期限：{DeadlineText}");
        await Expect(page.GetByTestId("todo-count")).ToHaveTextAsync("1");
        await chromium.ShotAsync("applicant-todo-with-deadline");
        await todo.GetByRole(AriaRole.Link, new() { Name = "提出容错免责申请" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Cases/{caseId}/Apply$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"容错免责申请 案件 {number}");
        await Expect(page.GetByTestId("deadline")).ToHaveTextAsync($"申请期限：{DeadlineText}");
        await Expect(page.Locator("main")).ToContainTextAsync("应在启动问责程序后7个工作日内");

        // Evidence first, through the upload with its progress bar.
        var upload = page.Locator("[data-upload-url]");
        await Expect(upload.Locator("#evidence-progress")).ToBeHiddenAsync();
        await upload.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "跟踪抽检台账.pdf", MimeType = "application/pdf", Buffer = SmallPdf() });
        await upload.GetByLabel("文件说明").FillAsync("跟踪抽检台账及补做抽检报告");
        await upload.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(upload.Locator("#evidence-progress")).ToBeVisibleAsync();
        await Expect(upload.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^(上传成功|上传失败)"));
        await Expect(upload.Locator("#evidence-progress")).ToHaveJSPropertyAsync("value", 100);
        var uploaded = await chromium.SoftAsync("the evidence upload on /Cases/{id}/Apply", async () =>
        {
            await Expect(upload.GetByRole(AriaRole.Status)).ToHaveTextAsync("上传成功：跟踪抽检台账.pdf");
            await Expect(upload.Locator("#evidence-list li")).ToHaveCountAsync(1);
            await Expect(upload.Locator("#evidence-list li")).ToContainTextAsync(new Regex(@"^跟踪抽检台账\.pdf（\d+\.\d KB，SM3 [0-9a-f]{16}…）$"));
        });
        await chromium.ShotAsync("applicant-evidence-uploaded");

        // Conditions ticked and explained, but the facts left empty: refused next to the field, nothing lost.
        var form = page.Locator("main form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }) });
        async Task FillAllButTheFactsAsync()
        {
            await Expect(form.GetByLabel("本人（何执法）")).ToBeCheckedAsync();
            foreach (var (code, reason) in Claims)
            {
                await form.Locator($"#claim-{code}").CheckAsync();
                await form.Locator($"#explain-{code}").FillAsync(reason);
            }
            await form.GetByLabel("造成的影响和损失").FillAsync("一批次散装熟食不合格，货值约600元，已下架销毁，未造成危害。");
            await form.GetByLabel("已采取的挽回措施").FillAsync("当日督促下架召回，补做抽检，建立跟踪复查台账。");
            await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
            await Expect(page.Locator("main .validation-summary-errors")).ToBeVisibleAsync();
        }
        await FillAllButTheFactsAsync();
        // The upload just made on this page must not make its own application form out of date.
        if (!await chromium.SoftAsync("the application form after an upload on the same page", () =>
            Expect(page.Locator("main .validation-summary-errors")).Not.ToContainTextAsync("已被他人修改")))
        {
            await chromium.ShotAsync("applicant-form-stale-after-own-upload");
            await page.GotoAsync($"{caseUrl}/Apply"); // what the message asks: load the page again, fill it in again
            await FillAllButTheFactsAsync();
        }
        await Expect(page).ToHaveURLAsync(new Regex($"/Cases/{caseId}/Apply$"));
        var factsField = page.Locator("main form div.mb-3", new() { Has = page.GetByLabel("失误错误的事实经过") });
        await Expect(factsField.Locator(".field-validation-error")).ToHaveTextAsync("请填写失误错误的事实经过。");
        await Expect(page.Locator("main .validation-summary-errors")).ToContainTextAsync("请填写失误错误的事实经过。");
        await Expect(page.GetByTestId("deadline")).ToHaveTextAsync($"申请期限：{DeadlineText}"); // still the application page, nothing filed
        foreach (var (code, reason) in Claims)
        {
            await Expect(form.Locator($"#claim-{code}")).ToBeCheckedAsync();
            await Expect(form.Locator($"#explain-{code}")).ToHaveValueAsync(reason);
        }
        await Expect(form.GetByLabel("造成的影响和损失")).ToHaveValueAsync("一批次散装熟食不合格，货值约600元，已下架销毁，未造成危害。");
        await chromium.ShotAsync("applicant-facts-missing-refused");
        await form.GetByLabel("失误错误的事实经过").FillAsync("依据不予处罚清单作出决定并开展教育引导，因同期任务集中，跟踪抽检复查延迟。");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("容错免责申请已提交，等待局机关纪委调查核实。");
        await Expect(Status(page)).ToHaveTextAsync("待核实");
        var application = Section(page, "容错免责申请");
        await Expect(application).ToContainTextAsync("何执法（个人）");
        await Expect(application).ToContainTextAsync($"申请日期{Today}");
        await Expect(application).ToContainTextAsync("跟踪抽检复查延迟");
        await Expect(application.Locator("ul li")).ToHaveCountAsync(Claims.Length);
        if (uploaded)
        {
            await Expect(Section(page, "证明材料")).ToContainTextAsync("跟踪抽检台账.pdf");
            await Expect(Section(page, "证明材料")).ToContainTextAsync("跟踪抽检台账及补做抽检报告");
        }
        // The system's advice is for the bodies of the procedure, not the applicant.
        await Expect(page.Locator("[data-testid^='advice-']")).ToHaveCountAsync(0);
        await chromium.ShotAsync("applicant-application-submitted");
        await chromium.SignOutAsync();

        // ---- 局机关纪委 verifies item by item and reports ---------------------------------------
        await chromium.SignInAsync("inv", "刘纪检");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("待核实");
        await todo.GetByRole(AriaRole.Link, new() { Name = "开始调查核实" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Cases/{caseId}/Verify$"));
        await Expect(page.Locator("main")).ToContainTextAsync($"申请人已于 {Today} 提出申请");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始调查核实" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已开始调查核实。");
        await Expect(Status(page)).ToHaveTextAsync("核实中");
        await Expect(page.GetByTestId("advice-Claimed")).ToContainTextAsync("条件分析建议（按申请主张）");
        await Expect(page.GetByTestId("advice-Verified")).ToHaveCountAsync(0);
        await chromium.ShotAsync("inv-verification-started");
        // One form for every item, nothing chosen in advance: base items 未核实, unclaimed conditions 未主张.
        var findingsForm = page.GetByRole(AriaRole.Form, new() { Name = "核实意见" });
        await Expect(findingsForm.Locator("fieldset[id^='item-']")).ToHaveCountAsync(Findings.Length);
        await Expect(findingsForm.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("finding-within-duties")).ToHaveTextAsync("未核实");
        await Expect(page.GetByTestId("finding-c4")).ToHaveTextAsync("未主张");
        await Expect(page.GetByTestId("advice-Claimed").Locator("tbody tr", new() { HasText = "受不可抗因素影响" }).Locator("td").Nth(1)).ToHaveTextAsync("未主张");
        // A verdict without its note is refused for that item alone, and nothing typed elsewhere is lost.
        var first = page.Locator("#item-within-duties");
        await first.GetByLabel("符合", new() { Exact = true }).CheckAsync();
        var second = page.Locator("#item-bold-but-mistaken");
        await second.GetByLabel("符合", new() { Exact = true }).CheckAsync();
        await second.GetByPlaceholder("核实情况说明（选择结论后必填）").FillAsync(Findings[1].Note);
        await findingsForm.GetByRole(AriaRole.Button, new() { Name = "保存核实意见" }).ClickAsync();
        await Expect(page.Locator("#item-within-duties")).ToContainTextAsync("请填写第四条“在依法依规履行职责过程中”的核实情况说明");
        await Expect(page.Locator("#item-bold-but-mistaken").GetByPlaceholder("核实情况说明（选择结论后必填）")).ToHaveValueAsync(Findings[1].Note);
        await Expect(page.Locator("#item-bold-but-mistaken").GetByLabel("符合", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByTestId("finding-bold-but-mistaken")).ToHaveTextAsync("未核实");
        await chromium.ShotAsync("inv-finding-note-missing");
        foreach (var (code, title, verdict, note) in Findings)
        {
            var item = page.Locator($"#item-{code}");
            await Expect(item).ToContainTextAsync(title);
            await item.GetByLabel(verdict, new() { Exact = true }).CheckAsync();
            await item.GetByPlaceholder("核实情况说明（选择结论后必填）").FillAsync(note);
        }
        await page.GetByRole(AriaRole.Form, new() { Name = "核实意见" }).GetByRole(AriaRole.Button, new() { Name = "保存核实意见" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已保存核实意见。");
        // The advice beside follows the findings: now on the verified results, each item as found.
        var advice = page.GetByTestId("advice-Verified");
        await Expect(advice).ToContainTextAsync("条件分析建议（按核实结果）");
        foreach (var (code, title, verdict, _) in Findings)
        {
            await Expect(page.GetByTestId($"finding-{code}")).ToHaveTextAsync($"已记录：{verdict}");
            await Expect(advice.Locator("tbody tr", new() { HasText = title }).Locator("td").Nth(1)).ToHaveTextAsync(verdict);
        }
        await Expect(page.GetByTestId("advice-Verified").GetByTestId("recommendation")).ToHaveTextAsync("建议予以容错免责");
        await chromium.ShotAsync("inv-findings-recorded-with-advice");
        var report = page.Locator("main form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "提交书面调查报告" }) });
        await report.GetByLabel("报告正文（综合各方面因素）").FillAsync("经调查核实，申请人在依法履职中因任务集中导致跟踪抽检延迟，已主动挽回损失，符合第四条第（一）项、第（六）项，建议予以容错免责。");
        await report.GetByLabel("建议").SelectOptionAsync(new SelectOptionValue { Label = "予以容错免责" });
        await report.GetByRole(AriaRole.Button, new() { Name = "提交书面调查报告" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("书面调查报告已提交，等待局党组集体研究。");
        await Expect(Status(page)).ToHaveTextAsync("待认定");
        await Expect(Section(page, "调查核实")).ToContainTextAsync("建议：予以容错免责");
        await Expect(Section(page, "调查核实").Locator("tbody tr")).ToHaveCountAsync(Findings.Length);
        await chromium.ShotAsync("inv-report-submitted");
        await chromium.SignOutAsync();

        // ---- 局办公室 opens the party-group meeting -----------------------------------------------
        await chromium.SignInAsync("office", "孙秘书");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("待认定");
        await todo.GetByRole(AriaRole.Link, new() { Name = "列入党组会议议题" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Meetings$"));
        await Expect(page.GetByTestId("waiting")).ToContainTextAsync($"{number} {Title}");
        await page.GetByLabel("会议名称").FillAsync("2026年第十六次党组会议");
        await Expect(page.GetByLabel("会议日期")).ToHaveValueAsync(Today);
        await Expect(page.GetByLabel("地点")).ToHaveValueAsync("局机关会议室");
        await page.GetByRole(AriaRole.Button, new() { Name = "召开会议" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Meetings/[0-9a-f-]{36}$"));
        var meetingUrl = new Uri(page.Url).AbsolutePath;
        await Expect(Notice(page)).ToContainTextAsync("会议已召开，请登记出席情况。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"2026年第十六次党组会议 {Today} · 局机关会议室");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("进行中");
        await chromium.ShotAsync("office-meeting-opened");
        var attendance = page.GetByTestId("attendance");
        foreach (var name in MemberNames)
        {
            await Expect(attendance.GetByLabel($"{name} 出席")).ToBeCheckedAsync();
        }
        await attendance.GetByRole(AriaRole.Button, new() { Name = "登记出席情况" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已登记出席情况。");
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(QuorumReached);
        await chromium.ShotAsync("office-attendance-quorum-reached");
        await page.GetByLabel("待认定的案件").SelectOptionAsync(new SelectOptionValue { Label = $"{number} {Title}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "列入本次会议议题" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已列入会议议题。");
        var agenda = page.GetByTestId($"agenda-{number}");
        await Expect(agenda).ToContainTextAsync(Title);
        await Expect(agenda.Locator(".badge")).ToHaveTextAsync("会议研究中");
        await Expect(agenda.GetByTestId("votes")).ToHaveTextAsync("表决：尚无");
        await chromium.ShotAsync("office-case-on-agenda");
        await chromium.SignOutAsync();

        // ---- the members vote, each signed in as themselves; each vote is confirmed first -----------
        var votes = new List<string>();
        var confirmations = new List<string>();
        var dismissNext = true;
        page.Dialog += async (_, dialog) =>
        {
            confirmations.Add(dialog.Message);
            if (dismissNext)
            {
                dismissNext = false;
                await dialog.DismissAsync();
            }
            else
            {
                await dialog.AcceptAsync();
            }
        };
        foreach (var (user, name, choice) in new[]
        {
            ("m1", "周书记", "同意予以容错免责"),
            ("m2", "李副局长", "同意予以容错免责"),
            ("m3", "王副局长", "同意予以容错免责"),
            ("m4", "陈副局长", "弃权"),
        })
        {
            await chromium.SignInAsync(user, name);
            todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
            await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("会议研究中");
            await todo.GetByRole(AriaRole.Link, new() { Name = "表决" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"{meetingUrl}$"));
            agenda = page.GetByTestId($"agenda-{number}");
            await Expect(page.GetByTestId("quorum")).ToContainTextAsync("已达到法定人数");
            await Expect(agenda.GetByRole(AriaRole.Button, new() { Name = "形成认定意见" })).ToHaveCountAsync(0);
            if (user == "m1")
            {
                // The first click is cancelled at the confirmation: nothing is recorded.
                await agenda.GetByRole(AriaRole.Form, new() { Name = "我的表决" }).GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).ClickAsync();
                await Expect(agenda.GetByTestId("votes")).ToHaveTextAsync("表决：尚无");
                Assert.Contains("确认提交您的表决", Assert.Single(confirmations));
            }
            await agenda.GetByRole(AriaRole.Form, new() { Name = "我的表决" }).GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).ClickAsync();
            await Expect(Notice(page)).ToContainTextAsync($"您的表决（{choice}）已记录。");
            votes.Add($"{name} {choice}");
            // Each vote is listed once with its member; the order of the list is not asserted.
            foreach (var vote in votes)
            {
                await Expect(agenda.GetByTestId("votes")).ToContainTextAsync(vote);
            }
            await Expect(agenda.GetByTestId("votes")).ToHaveTextAsync(new Regex($"^表决：[^；]+(；[^；]+){{{votes.Count - 1}}}$"));
            await Expect(agenda.GetByRole(AriaRole.Form, new() { Name = "我的表决" })).ToHaveCountAsync(0);
            await chromium.ShotAsync($"{user}-voted");
            await chromium.SignOutAsync();
        }

        // ---- the applicant, while the party group deliberates, sees neither report nor advice ------
        await chromium.SignInAsync("staffA", "何执法");
        await page.GotoAsync(caseUrl);
        await Expect(Status(page)).ToHaveTextAsync("会议研究中");
        await Expect(page.Locator("#s-verify")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid^='advice-']")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("书面调查报告");
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("容错免责申请书");
        await chromium.ShotAsync("applicant-before-decision");
        await chromium.SignOutAsync();

        // ---- 局办公室 records the decision, the quorum reached ------------------------------------
        await chromium.SignInAsync("office", "孙秘书");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await todo.GetByRole(AriaRole.Link, new() { Name = "形成认定意见" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{meetingUrl}$"));
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(QuorumReached);
        agenda = page.GetByTestId($"agenda-{number}");
        await Expect(agenda).ToContainTextAsync("计票：同意予以容错免责 3 票，弃权 1 票");
        await agenda.GetByLabel("认定结果").SelectOptionAsync(new SelectOptionValue { Label = "予以容错免责" });
        await agenda.GetByLabel("认定理由").FillAsync("经集体研究，依据调查报告和第四条第（一）项、第（六）项规定，予以容错免责。");
        await agenda.GetByRole(AriaRole.Button, new() { Name = "形成认定意见" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已形成认定意见。");
        await Expect(agenda.Locator(".alert-success")).ToContainTextAsync("认定意见：予以容错免责");
        await Expect(agenda.Locator(".badge")).ToHaveTextAsync("已认定待反馈");
        await Expect(page.GetByTestId("quorum")).ToContainTextAsync("已达到法定人数");
        await chromium.ShotAsync("office-decision-recorded");

        // ---- 局办公室 gives written feedback and records its delivery -----------------------------
        await page.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Status(page)).ToHaveTextAsync("已认定待反馈");
        await Expect(Section(page, "认定意见").GetByTestId("outcome")).ToHaveTextAsync("予以容错免责");
        await page.GetByTestId("actions").GetByRole(AriaRole.Link, new() { Name = "书面反馈认定结果" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}/Feedback$"));
        await Expect(page.GetByTestId("outcome")).ToHaveTextAsync("予以容错免责");
        await Expect(page.GetByLabel("认定结果")).ToHaveValueAsync(new Regex("2026年第十六次党组会议集体研究，认定：予以容错免责"));
        await page.GetByLabel("答复解释").FillAsync("依照第五条第（四）项书面反馈认定结果并答复解释：经集体研究，符合容错免责条件。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发出书面反馈" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("认定结果已书面反馈，请登记送达。");
        await Expect(Status(page)).ToHaveTextAsync("已反馈待送达");
        await chromium.ShotAsync("office-feedback-issued");
        await Expect(page.GetByLabel("送达日期")).ToHaveValueAsync(Today);
        await Expect(page.GetByLabel("签收人")).ToHaveValueAsync("何执法");
        await page.GetByLabel("送达方式").SelectOptionAsync(new SelectOptionValue { Label = "直接送达" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记送达" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("已登记送达，等待申请方签收确认。");
        await Expect(Status(page)).ToHaveTextAsync("已送达待确认");
        await Expect(Section(page, "结果反馈")).ToContainTextAsync($"{Today} 直接送达，签收人 何执法");
        await chromium.ShotAsync("office-delivery-recorded");
        await chromium.SignOutAsync();

        // ---- the applicant acknowledges --------------------------------------------------------------
        await chromium.SignInAsync("staffA", "何执法");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("已送达待确认");
        await todo.GetByRole(AriaRole.Link, new() { Name = "申请方签收确认" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}/Feedback$"));
        await Expect(page.GetByTestId("outcome")).ToHaveTextAsync("予以容错免责");
        await page.GetByLabel("意见（可不填）").FillAsync("已收到，无异议。");
        await page.GetByRole(AriaRole.Button, new() { Name = "我已收到认定结果" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("已签收确认认定结果。");
        await Expect(Status(page)).ToHaveTextAsync("申请方已确认");
        await Expect(Section(page, "结果反馈")).ToContainTextAsync("已收到，无异议。");
        // After the written feedback the result and its reasons are the applicant's; the report still is not.
        await Expect(Section(page, "认定意见")).ToContainTextAsync("予以容错免责");
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("结果反馈通知书");
        await Expect(page.GetByTestId("documents")).Not.ToContainTextAsync("书面调查报告");
        await Expect(page.Locator("[data-testid^='advice-']")).ToHaveCountAsync(0);
        await chromium.ShotAsync("applicant-acknowledged");
        await chromium.SignOutAsync();

        // ---- 局办公室 makes the result known ------------------------------------------------------
        await chromium.SignInAsync("office", "孙秘书");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await todo.GetByRole(AriaRole.Link, new() { Name = "公开容错免责结果" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}/Publish$"));
        await Expect(page.GetByLabel("书面通报")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("公开日期")).ToHaveValueAsync(Today);
        await page.GetByLabel("公开范围").FillAsync("全局各科室、各分局");
        await page.GetByLabel("会议名称或通报文号").FillAsync("通报〔2026〕1号");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记公开" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("已登记公开。");
        await Expect(Status(page)).ToHaveTextAsync("已公开");
        await Expect(Section(page, "公开")).ToContainTextAsync($"{Today} 以书面通报方式在“全局各科室、各分局”范围内公开。通报〔2026〕1号");
        await chromium.ShotAsync("office-published");
        await chromium.SignOutAsync();

        // ---- 局机关党委 files the case --------------------------------------------------------------
        await chromium.SignInAsync("archivist", "吴党委");
        todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo.Locator("td").Nth(2)).ToHaveTextAsync("已公开");
        await todo.GetByRole(AriaRole.Link, new() { Name = "存档备案" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}/Archive$"));
        if (uploaded)
        {
            await Expect(page.Locator("main ul.small")).ToContainTextAsync("跟踪抽检台账.pdf");
        }
        await page.GetByLabel("保管期限").SelectOptionAsync(new SelectOptionValue { Label = "定期30年" });
        await chromium.ShotAsync("archivist-archive-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "存档备案" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("已存档备案，案件转为只读。");
        await Expect(Status(page)).ToHaveTextAsync("已备案");
        await Expect(page.GetByTestId("archive-number")).ToHaveTextAsync(new Regex(@"^\S+-2026-D30-\S+-0001$"));
        await Expect(Section(page, "存档备案")).ToContainTextAsync($"备案日期{Today}");
        await Expect(page.GetByTestId("actions").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        // The timeline lists every step, in order, with who did it.
        var expected = new List<(string Action, string Who)> { ("登记问责事项", "刘纪检") };
        if (uploaded)
        {
            expected.Add(("上传证明材料", "何执法"));
        }
        expected.AddRange([("提出容错免责申请", "何执法"), ("开始调查核实", "刘纪检")]);
        expected.AddRange(Findings.Select(_ => ("记录核实意见", "刘纪检")));
        expected.AddRange([("提交书面调查报告", "刘纪检"), ("列入党组会议议题", "孙秘书"),
            ("表决", "周书记"), ("表决", "李副局长"), ("表决", "王副局长"), ("表决", "陈副局长"), ("形成认定意见", "孙秘书"),
            // Art. 11: the decision to exempt creates the result-use records in the same step.
            ("生成结果运用记录", "孙秘书"),
            ("书面反馈认定结果", "孙秘书"), ("登记送达", "孙秘书"), ("申请方签收确认", "何执法"), ("公开容错免责结果", "孙秘书"), ("存档备案", "吴党委")]);
        var entries = page.GetByTestId("timeline").Locator("li");
        await Expect(entries.Locator("strong")).ToHaveTextAsync(expected.Select(e => e.Action).ToArray());
        for (var i = 0; i < expected.Count; i++)
        {
            await Expect(entries.Nth(i)).ToContainTextAsync($"{expected[i].Action} · {expected[i].Who}（");
            await Expect(entries.Nth(i)).ToContainTextAsync($"{Today} 10:00");
        }
        await chromium.ShotAsync("archivist-case-archived-with-timeline");
        await chromium.SignOutAsync();

        chromium.AssertNoProblems();
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task A_late_application_is_refused_in_the_browser()
    {
        // Started on Tuesday 2026-09-01: seven working days, the start day not counted, end on 09-10.
        // The app's clock says 2026-09-21, so the window has passed when the person applies.
        const string startedOn = "2026-09-01";
        const string lateDeadline = "2026-09-10";
        await using var app = await KestrelApp.StartAsync();
        await using var chromium = await Chromium.LaunchAsync(app, "late-");
        var page = chromium.Page;

        await chromium.SignInAsync("inv", "刘纪检");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "登记问责事项" }).ClickAsync();
        await page.GetByLabel("事项名称").FillAsync("城东分局对食品经营者首次轻微违法不予处罚后未及时回访");
        await page.GetByLabel("问题事实").FillAsync("依法不予处罚后未按计划回访，群众投诉后启动问责。");
        await page.GetByLabel("业务领域").SelectOptionAsync(new SelectOptionValue { Label = "食品安全" });
        await page.GetByLabel("启动问责程序日期").FillAsync(startedOn);
        await page.GetByLabel("被问责人员").SelectOptionAsync(new SelectOptionValue { Label = "何执法（干部）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CasePage());
        var caseUrl = new Uri(page.Url).AbsolutePath;
        var number = NumberIn(await Notice(page).InnerTextAsync());
        await Expect(Status(page)).ToHaveTextAsync("待申请");
        await Expect(Section(page, "问责事项")).ToContainTextAsync($"启动问责日期{startedOn}");
        await Expect(Section(page, "问责事项")).ToContainTextAsync($"截至 {lateDeadline}");
        await Expect(page.GetByTestId("application-deadline")).ToHaveTextAsync($"截至 {lateDeadline} 已逾期");
        await chromium.ShotAsync("inv-matter-registered-window-passed");
        await chromium.SignOutAsync();

        await chromium.SignInAsync("staffA", "何执法");
        var todo = page.GetByTestId("todo").Locator("tbody tr", new() { HasText = number });
        await Expect(todo.GetByTestId("deadline")).ToHaveTextAsync($"申请期限：已逾期（期限截至 {lateDeadline}）");
        await chromium.ShotAsync("applicant-todo-overdue");
        await todo.GetByRole(AriaRole.Link, new() { Name = "提出容错免责申请" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}/Apply$"));
        await Expect(page.GetByTestId("deadline")).ToHaveTextAsync($"申请期限：已逾期（期限截至 {lateDeadline}）");
        var form = page.Locator("main form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }) });
        await form.GetByLabel("失误错误的事实经过").FillAsync("依法作出不予处罚决定后，因人员调整未按计划回访。");
        await form.GetByLabel("造成的影响和损失").FillAsync("经营者再次违规，被群众投诉，未造成危害后果。");
        await form.GetByLabel("已采取的挽回措施").FillAsync("立即回访并责令整改，建立回访台账。");
        await form.Locator("#claim-c6").CheckAsync();
        await form.Locator("#explain-c6").FillAsync("发现问题后立即整改，有整改记录为证。");
        await chromium.ShotAsync("applicant-late-application-filled");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"{caseUrl}$"));
        await Expect(Notice(page)).ToContainTextAsync("申请已超过期限，系统已按第五条第（一）项作出不予受理决定，理由已记录在案。");
        await Expect(Status(page)).ToHaveTextAsync("不予受理");
        var reason = page.GetByTestId("closing-reason");
        await Expect(reason).ToContainTextAsync($"申请日期 {Today} 已超过申请期限");
        await Expect(reason).ToContainTextAsync($"启动问责程序日期为 {startedOn}");
        await Expect(reason).ToContainTextAsync("依照第五条第（一）项");
        await Expect(reason).ToContainTextAsync($"期限截至 {lateDeadline}");
        await Expect(page.GetByTestId("actions").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline").Locator("li strong")).ToHaveTextAsync(["登记问责事项", "逾期申请不予受理"]);
        await Expect(page.GetByTestId("timeline").Locator("li").Last).ToContainTextAsync("何执法");
        await chromium.ShotAsync("applicant-refused-as-late");
        await page.GetByRole(AriaRole.Link, new() { Name = "首页" }).ClickAsync();
        await Expect(page.GetByTestId("todo")).ToHaveCountAsync(0);
        await Expect(page.Locator("#todo")).ToContainTextAsync("没有待办事项。");
        await chromium.SignOutAsync();

        chromium.AssertNoProblems();
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task A_meeting_without_quorum_cannot_decide_in_the_browser()
    {
        const string noQuorum = "未达到法定人数：应到 5 人，实到 2 人，未达到法定人数（须超过应到会成员的1/2，即至少 3 人），不能进行表决和形成决定。";
        await using var app = await KestrelApp.StartAsync();
        using var api = new ApiArrange(app);
        var c = await api.ReportedCaseAsync(Title);
        await using var chromium = await Chromium.LaunchAsync(app, "quorum-");
        var page = chromium.Page;

        await chromium.SignInAsync("office", "孙秘书");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "党组会议" }).ClickAsync();
        await Expect(page.GetByTestId("waiting")).ToContainTextAsync($"{c.Number} {Title}");
        await page.GetByLabel("会议名称").FillAsync("2026年第十七次党组会议");
        await page.GetByRole(AriaRole.Button, new() { Name = "召开会议" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("会议已召开，请登记出席情况。");
        var meetingUrl = new Uri(page.Url).AbsolutePath;

        // Three of five away; a missing reason for an absence is refused first.
        var attendance = page.GetByTestId("attendance");
        foreach (var name in new[] { "王副局长", "陈副局长", "赵总工" })
        {
            await attendance.GetByLabel($"{name} 出席").UncheckAsync();
        }
        await attendance.GetByLabel("王副局长 的缺席原因").FillAsync("出差");
        await attendance.GetByLabel("陈副局长 的缺席原因").FillAsync("病假");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "登记出席情况" }).ClickAsync();
        await Expect(page.Locator("main .validation-summary-errors")).ToContainTextAsync("请填写缺席原因。");
        await chromium.SoftAsync("the missing absence reason is shown next to 赵总工's field", () =>
            Expect(attendance.Locator("div.border", new() { Has = page.GetByLabel("赵总工 的缺席原因") })).ToContainTextAsync("请填写缺席原因。"));
        await Expect(attendance.GetByLabel("赵总工 出席")).Not.ToBeCheckedAsync();
        await Expect(attendance.GetByLabel("王副局长 的缺席原因")).ToHaveValueAsync("出差");
        await chromium.ShotAsync("office-absence-reason-missing");
        await attendance.GetByLabel("赵总工 的缺席原因").FillAsync("外出学习");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "登记出席情况" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已登记出席情况。");
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(noQuorum);
        await Expect(page.GetByTestId("quorum")).ToHaveClassAsync(new Regex("alert-warning"));
        await Expect(page.GetByTestId("attendance").GetByLabel("周书记 出席")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("attendance").GetByLabel("王副局长 出席")).Not.ToBeCheckedAsync();
        await page.GetByLabel("待认定的案件").SelectOptionAsync(new SelectOptionValue { Label = $"{c.Number} {Title}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "列入本次会议议题" }).ClickAsync();
        await Expect(Notice(page)).ToContainTextAsync("已列入会议议题。");
        await chromium.ShotAsync("office-attendance-two-of-five");

        // The decision is refused with the quorum message; nothing is decided.
        var agenda = page.GetByTestId($"agenda-{c.Number}");
        await agenda.GetByLabel("认定结果").SelectOptionAsync(new SelectOptionValue { Label = "予以容错免责" });
        await agenda.GetByLabel("认定理由").FillAsync("经集体研究，予以容错免责。");
        await agenda.GetByRole(AriaRole.Button, new() { Name = "形成认定意见" }).ClickAsync();
        await Expect(page.Locator("main .validation-summary-errors")).ToContainTextAsync("未达到法定人数（须超过应到会成员的1/2，即至少 3 人），不能进行表决和形成决定。");
        await Expect(Notice(page)).ToHaveCountAsync(0);
        agenda = page.GetByTestId($"agenda-{c.Number}");
        await Expect(agenda.Locator(".badge")).ToHaveTextAsync("会议研究中");
        await Expect(agenda.Locator(".alert-success")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(noQuorum);
        await chromium.SoftAsync("the reasons typed into the refused decision form are kept", () =>
            Expect(agenda.GetByLabel("认定理由")).ToHaveValueAsync("经集体研究，予以容错免责。"));
        await chromium.ShotAsync("office-decision-refused-no-quorum");
        await chromium.SignOutAsync();

        // A member who is present is told why there is no vote and offered no way to vote; an absent one neither.
        await chromium.SignInAsync("m1", "周书记");
        await page.GotoAsync(meetingUrl);
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(noQuorum);
        agenda = page.GetByTestId($"agenda-{c.Number}");
        await Expect(agenda).ToContainTextAsync(Title);
        await Expect(agenda.GetByRole(AriaRole.Form, new() { Name = "我的表决" })).ToHaveCountAsync(0);
        await Expect(agenda.GetByRole(AriaRole.Button, new() { Name = "同意予以容错免责" })).ToHaveCountAsync(0);
        await Expect(agenda.GetByTestId("votes")).ToHaveTextAsync("表决：尚无");
        await chromium.ShotAsync("m1-present-no-vote-without-quorum");
        await chromium.SignOutAsync();

        await chromium.SignInAsync("m3", "王副局长");
        await page.GotoAsync(meetingUrl);
        await Expect(page.GetByTestId("quorum")).ToHaveTextAsync(noQuorum);
        await Expect(page.GetByTestId($"agenda-{c.Number}").GetByRole(AriaRole.Form, new() { Name = "我的表决" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"agenda-{c.Number}").GetByRole(AriaRole.Button, new() { Name = "形成认定意见" })).ToHaveCountAsync(0);
        await chromium.ShotAsync("m3-absent-no-vote");
        await page.GetByRole(AriaRole.Link, new() { Name = c.Number }).First.ClickAsync();
        await Expect(Status(page)).ToHaveTextAsync("会议研究中");
        await Expect(Section(page, "认定意见")).ToHaveCountAsync(0);
        await chromium.SignOutAsync();

        chromium.AssertNoProblems();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static readonly string[] MemberNames = ["周书记", "李副局长", "王副局长", "陈副局长", "赵总工"];

    /// <summary>What the applicant ticks and explains: the base conditions, the exclusions, and 第四条第（一）、（六）项.</summary>
    private static readonly (string Code, string Reason)[] Claims =
    [
        ("within-duties", "按照不予处罚清单依法作出决定，属于依法履职。"),
        ("bold-but-mistaken", "主动推行柔性执法，因任务集中跟踪复查延迟。"),
        ("no-major-accident", "问题产品货值约600元，已下架销毁，未造成危害。"),
        ("no-improper-benefit", "未谋取任何利益，有廉洁承诺和调查记录。"),
        ("no-abuse-as-cover", "不存在吃拿卡要、徇私舞弊、办人情案情形。"),
        ("c1", "依据市局柔性执法清单作出不予处罚决定，有执法记录为证。"),
        ("c6", "发现问题当日督促下架召回并补做抽检，有整改材料为证。"),
    ];

    /// <summary>The finding on every item of the policy, with the item's title as the page shows it.</summary>
    private static readonly (string Code, string Title, string Verdict, string Note)[] Findings =
    [
        ("within-duties", "在依法依规履行职责过程中", "符合", "经调阅执法案卷，决定依法作出。"),
        ("bold-but-mistaken", "主观上勇于担当，客观上出现失误", "符合", "经谈话核实，属于推行柔性执法中的失误。"),
        ("no-major-accident", "未造成重大责任事故和恶劣影响", "符合", "经核查，未发生食品安全事故。"),
        ("no-improper-benefit", "没有谋取不正当利益", "符合", "经核查，未发现谋取利益情形。"),
        ("no-abuse-as-cover", "没有打着柔性执法旗号搞吃拿卡要、徇私舞弊、办人情案", "符合", "未收到相关举报，经核查不存在。"),
        ("c1", "贯彻落实柔性执法和包容审慎监管制度规定", "符合", "决定符合市局不予处罚清单。"),
        ("c2", "法无禁止、政策无明确规定且有利于发展大局", "不符合", "申请人未主张，经核实不具备该项条件。"),
        ("c3", "执法程序符合法律法规规定", "不符合", "申请人未主张，跟踪复查未按程序按时开展。"),
        ("c4", "受不可抗因素影响", "不符合", "申请人未主张，不存在不可抗因素。"),
        ("c5", "主动为市场主体出谋划策、破解难题", "需研判", "申请人未主张，现有材料不足以判断。"),
        ("c6", "主动挽回损失、消除影响或阻止危害", "符合", "经核实，当日下架召回并补做抽检。"),
    ];

    private static ILocator Notice(IPage page) => page.Locator("main > div.alert-success[role=status]");

    private static ILocator Status(IPage page) => page.Locator("main").GetByTestId("status");

    private static ILocator Section(IPage page, string heading) =>
        page.Locator("section.case-section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    private static async Task<int> CountCasesAsync(KestrelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SafeHarborDb>().Cases.CountAsync();
    }

    private static string NumberIn(string notice)
    {
        var match = CaseNumber().Match(notice);
        Assert.True(match.Success, $"no case number in the notice: {notice}");
        return match.Groups[1].Value;
    }

    /// <summary>A one-page PDF, small and well formed (it starts with %PDF- as the upload requires).</summary>
    private static byte[] SmallPdf()
    {
        const string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(pdf);
    }

    [GeneratedRegex(@"/Cases/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CasePage();

    [GeneratedRegex(@"案件编号\s*(\S+?)。")]
    private static partial Regex CaseNumber();
}
