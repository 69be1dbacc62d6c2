using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>Art. 9 over HTTP: thresholds (执法稽查科), the analysis and its flags, risk points and warnings (局党组成员, 局办公室).</summary>
[Article("9")]
public sealed class PreventionApiTests
{
    private static readonly object KindThreshold = new { dimension = "ErrorKind", value = "跟踪复查不到位", count = 3, months = 12 };

    private static Task<string[]> AuditActionsAsync(TestApp app, string entityType) =>
        app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType).OrderBy(e => e.Sequence).Select(e => e.Action).ToArrayAsync());

    [Theory, AllDatabases]
    public async Task Only_the_policy_owner_sets_edits_deactivates_and_reactivates_thresholds(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        foreach (var user in new[] { "staffA", "leaderA", "m1", "office", "inv", "personnel" })
        {
            var refused = await app.As(user).PostJsonAsync("/api/prevention/thresholds", KindThreshold).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-policy-owner", refused.Code);
            Assert.Contains("执法稽查科", refused.Title);
        }

        var created = await app.As("policyowner").PostJsonAsync("/api/prevention/thresholds", KindThreshold).OkAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("失误类型“跟踪复查不到位”在12个月内达到3件", created.GetProperty("rule").GetString());
        Assert.Equal("马稽查", created.GetProperty("setBy").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());

        var duplicate = await app.As("policyowner").PostJsonAsync("/api/prevention/thresholds", KindThreshold).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("threshold-exists", duplicate.Code);

        var invalid = await app.As("policyowner").PostJsonAsync("/api/prevention/thresholds", new { dimension = "ErrorKind", value = "粗心大意", count = 1, months = 0 })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.Body.GetProperty("errors");
        Assert.Contains("失误类型应为", errors.GetProperty("value")[0].GetString());
        Assert.Contains("2 至", errors.GetProperty("count")[0].GetString());
        Assert.Contains("1 至", errors.GetProperty("months")[0].GetString());
        var badPair = await app.As("policyowner").PostJsonAsync("/api/prevention/thresholds", new { dimension = "FieldAndKind", value = "食品安全", count = 3, months = 12 })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("业务领域/失误类型", badPair.Body.GetProperty("errors").GetProperty("value")[0].GetString());

        var edit = new { dimension = "ErrorKind", value = "跟踪复查不到位", count = 4, months = 6 };
        Assert.Equal("not-policy-owner", (await app.As("m1").PutJsonAsync($"/api/prevention/thresholds/{id}", edit).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var edited = await app.As("policyowner").PutJsonAsync($"/api/prevention/thresholds/{id}", edit).OkAsync();
        Assert.Equal("失误类型“跟踪复查不到位”在6个月内达到4件", edited.GetProperty("rule").GetString());

        Assert.Equal("not-policy-owner", (await app.As("office").PostJsonAsync($"/api/prevention/thresholds/{id}/deactivation", null).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var deactivated = await app.As("policyowner").PostJsonAsync($"/api/prevention/thresholds/{id}/deactivation", null).OkAsync();
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal("threshold-inactive", (await app.As("policyowner").PostJsonAsync($"/api/prevention/thresholds/{id}/deactivation", null).ProblemAsync(HttpStatusCode.Conflict)).Code);
        var reactivated = await app.As("policyowner").PostJsonAsync($"/api/prevention/thresholds/{id}/activation", null).OkAsync();
        Assert.True(reactivated.GetProperty("active").GetBoolean());

        var missing = await app.As("policyowner").PutJsonAsync($"/api/prevention/thresholds/{Guid.NewGuid()}", edit).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("threshold-not-found", missing.Code);

        var notAllowed = await app.As("staffA").GetAsync("/api/prevention/thresholds").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("prevention-not-allowed", notAllowed.Code);
        Assert.Contains("防错分析", notAllowed.Title);
        var list = await app.As("office").GetOkAsync("/api/prevention/thresholds");
        Assert.Equal(["失误类型“跟踪复查不到位”在6个月内达到4件"], list.Strings("rule"));

        Assert.Equal(
            ["SetPreventionThreshold", "EditPreventionThreshold", "DeactivatePreventionThreshold", "ActivatePreventionThreshold"],
            await AuditActionsAsync(app, "PreventionThreshold"));
        var verify = await app.As("auditadmin").GetOkAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("isIntact").GetBoolean(), verify.ToString());
    }

    [Theory, AllDatabases]
    public async Task A_kind_of_error_is_flagged_once_the_threshold_is_crossed_and_not_before(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var today = app.Clock.Today; // 2026-09-21
        await app.ThresholdAsync("ErrorKind", "跟踪复查不到位", count: 3, months: 12);

        // A day too early for the window of 12 months ending today (it starts on 2025-09-22), and another kind.
        await app.MatterAsync("城东分局2025年抽检后复查延误", startedOn: new DateOnly(2025, 9, 21));
        await app.MatterAsync("城东分局容缺受理材料审核不严", field: "登记注册", kind: "审核把关不严");
        var first = await app.MatterAsync("城东分局不予处罚后复查不及时", startedOn: new DateOnly(2025, 9, 22));
        var second = await app.MatterAsync("城西分局责令改正后未复查", field: "特种设备", startedOn: new DateOnly(2026, 6, 1), subject: "staffB");

        var before = await app.AnalysisAsync();
        Assert.Empty(before.Flags());
        Assert.Equal(4, before.GetProperty("total").GetInt32());
        Assert.Contains("不论是否提出申请、认定结果如何", before.GetProperty("counted").GetString());
        var kindBar = before.GetProperty("byKind").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "跟踪复查不到位");
        Assert.Equal(3, kindBar.GetProperty("count").GetInt32()); // counted over all time, flagged over the window only
        Assert.False(kindBar.GetProperty("flagged").GetBoolean());

        var third = await app.MatterAsync("城东分局行政指导后跟踪复查不到位");

        var after = await app.AnalysisAsync();
        var flag = Assert.Single(after.Flags());
        Assert.Equal("ErrorKind", flag.GetProperty("dimension").GetString());
        Assert.Equal("跟踪复查不到位", flag.GetProperty("value").GetString());
        Assert.Equal(3, flag.GetProperty("count").GetInt32());
        Assert.Equal("2025-09-22", flag.GetProperty("windowFrom").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), flag.GetProperty("windowTo").GetString());
        Assert.True(flag.GetProperty("casesShown").GetBoolean());
        Assert.Equal([first.Number, second.Number, third.Number], flag.GetProperty("cases").Strings("number"));
        Assert.Contains("城东分局行政指导后跟踪复查不到位", flag.GetProperty("cases").Strings("title"));
        Assert.True(after.GetProperty("byKind").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "跟踪复查不到位").GetProperty("flagged").GetBoolean());

        // 执法稽查科 sees the flag and its count, never the cases behind it (it reads no case).
        var owner = Assert.Single((await app.AnalysisAsync("policyowner")).Flags());
        Assert.Equal(3, owner.GetProperty("count").GetInt32());
        Assert.False(owner.GetProperty("casesShown").GetBoolean());
        Assert.Empty(owner.GetProperty("cases").EnumerateArray());

        foreach (var user in new[] { "staffA", "leaderA", "personnel" })
        {
            Assert.Equal("prevention-not-allowed", (await app.As(user).GetAsync("/api/prevention/analysis").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        }

        // The period filter narrows the counts, not the flags.
        var september = await app.AnalysisAsync(query: "?from=2026-09-01&to=2026-09-30&period=Quarter");
        Assert.Equal(2, september.GetProperty("total").GetInt32());
        Assert.Equal(["2026-Q3"], september.GetProperty("byPeriod").Strings("key"));
        Assert.Single(september.Flags());
        var reversed = await app.As("office").GetAsync("/api/prevention/analysis?from=2026-09-30&to=2026-09-01").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("起始日期不能晚于截止日期", reversed.Title);
    }

    [Theory, AllDatabases]
    public async Task One_kind_in_one_field_and_a_unit_are_flagged_by_their_thresholds(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.ThresholdAsync("FieldAndKind", "食品安全/跟踪复查不到位", count: 2, months: 12);
        await app.ThresholdAsync("Unit", "城西分局", count: 2, months: 6);

        await app.MatterAsync("城东分局食品抽检后复查不及时");
        await app.MatterAsync("城东分局电梯责令改正后未复查", field: "特种设备");
        await app.MatterAsync("城西分局食品经营许可审核不严", kind: "审核把关不严", subject: "staffB");
        Assert.Empty((await app.AnalysisAsync()).Flags());

        var food = await app.MatterAsync("城西分局食品不予处罚后复查不到位", subject: "staffB");

        var flags = (await app.AnalysisAsync()).Flags();
        Assert.Equal(2, flags.Length);
        var combined = flags.Single(f => f.GetProperty("dimension").GetString() == "FieldAndKind");
        Assert.Equal("食品安全/跟踪复查不到位", combined.GetProperty("value").GetString());
        Assert.Equal("食品安全领域 · 跟踪复查不到位", combined.GetProperty("label").GetString());
        Assert.Equal(2, combined.GetProperty("count").GetInt32());
        var unit = flags.Single(f => f.GetProperty("dimension").GetString() == "Unit");
        Assert.Equal("城西分局", unit.GetProperty("value").GetString());
        Assert.Contains(food.Number, unit.GetProperty("cases").Strings("number"));
        var byUnit = (await app.AnalysisAsync()).GetProperty("byUnit").EnumerateArray().ToDictionary(b => b.GetProperty("label").GetString()!, b => b.GetProperty("flagged").GetBoolean());
        Assert.True(byUnit["城西分局"]);
        Assert.False(byUnit["城东分局"]);
    }

    [Theory, AllDatabases]
    public async Task Risk_points_and_warnings_are_recorded_by_party_group_members_and_the_office_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var thresholdId = await app.ThresholdAsync("ErrorKind", "跟踪复查不到位", count: 2, months: 12);
        var a = await app.MatterAsync("城东分局不予处罚后复查不及时");
        var b = await app.MatterAsync("城西分局责令改正后未复查", field: "特种设备", subject: "staffB");

        var riskPoint = new
        {
            title = "柔性执法措施作出后跟踪复查不到位",
            description = "两个分局在不予处罚、责令改正后均未按期复查。",
            businessField = "食品安全",
            errorKind = "跟踪复查不到位",
            unitIds = new[] { app.Cast.BranchA, app.Cast.BranchB },
            measures = "建立跟踪复查台账，到期提醒，复查到现场核实。",
        };
        // 执法稽查科 sets thresholds but does not speak for the party group; 局机关纪委 sees every case but records no risk point.
        foreach (var user in new[] { "staffA", "leaderA", "policyowner", "inv", "guide", "archivist" })
        {
            var refused = await app.As(user).PostJsonAsync("/api/prevention/risk-points", riskPoint).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", refused.Code);
            Assert.Contains("局党组", refused.Title);
            Assert.Equal("not-your-duty", (await app.As(user).PostJsonAsync("/api/prevention/warnings", new
            {
                title = "警示提醒", text = "请对照检查。", unitIds = new[] { app.Cast.BranchA },
            }).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        }

        // From the flag: the draft lists the cases behind it and the units concerned.
        Assert.Equal("not-your-duty", (await app.As("inv").GetAsync($"/api/prevention/risk-points/draft?thresholdId={thresholdId}&value=跟踪复查不到位")
            .ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var draft = await app.As("m1").GetOkAsync($"/api/prevention/risk-points/draft?thresholdId={thresholdId}&value={Uri.EscapeDataString("跟踪复查不到位")}");
        Assert.Equal("跟踪复查不到位", draft.GetProperty("errorKind").GetString());
        Assert.Contains(a.Number, draft.GetProperty("description").GetString());
        Assert.Contains(b.Number, draft.GetProperty("description").GetString());
        Assert.Equal(["城东分局", "城西分局"], draft.GetProperty("units").Strings("name").Order(StringComparer.Ordinal));
        Assert.Equal("flag-not-found", (await app.As("m1").GetAsync($"/api/prevention/risk-points/draft?thresholdId={thresholdId}&value=审核把关不严")
            .ProblemAsync(HttpStatusCode.NotFound)).Code);

        var invalid = await app.As("m1").PostJsonAsync("/api/prevention/risk-points", new { title = "", businessField = "火星", unitIds = Array.Empty<Guid>() })
            .ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "description", "businessField", "unitIds", "measures" })
        {
            Assert.True(invalid.Body.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {invalid.Body}");
        }

        var recorded = await app.As("m1").PostJsonAsync("/api/prevention/risk-points", riskPoint).OkAsync();
        var riskPointId = recorded.GetProperty("id").GetGuid();
        Assert.Equal("周书记", recorded.GetProperty("recordedBy").GetString());
        var edited = await app.As("office").PutJsonAsync($"/api/prevention/risk-points/{riskPointId}", riskPoint with { unitIds = new[] { app.Cast.BranchA } }).OkAsync();
        Assert.Equal(["城东分局"], edited.GetProperty("units").Strings("name"));

        var warning = await app.As("office").PostJsonAsync("/api/prevention/warnings", new
        {
            title = "关于跟踪复查不到位的警示提醒",
            text = "请对照检查本单位柔性执法决定的复查情况。",
            unitIds = new[] { app.Cast.BranchA },
            riskPointId,
        }).OkAsync();
        Assert.Equal("柔性执法措施作出后跟踪复查不到位", warning.GetProperty("riskPointTitle").GetString());
        Assert.Equal("孙秘书", warning.GetProperty("issuedBy").GetString());
        Assert.Equal(1, (await app.As("policyowner").GetOkAsync("/api/prevention/risk-points")).EnumerateArray().Single().GetProperty("warnings").GetInt32());

        Assert.Equal(["RecordRiskPoint", "EditRiskPoint"], await AuditActionsAsync(app, "RiskPoint"));
        Assert.Equal(["IssueWarning"], await AuditActionsAsync(app, "WarningNotice"));
        var actingAs = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityType == "RiskPoint").OrderBy(e => e.Sequence).Select(e => e.ActingAs).ToArrayAsync());
        Assert.Equal(["局党组", "局办公室（党组秘书）"], actingAs);
    }

    [Theory, AllDatabases]
    public async Task Each_recipient_units_leader_acknowledges_and_the_issuer_sees_who_has_not(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var both = await app.As("office").PostJsonAsync("/api/prevention/warnings", new
        {
            title = "关于执法文书送达不规范的警示提醒",
            text = "请各分局对照检查执法文书送达情况。",
            unitIds = new[] { app.Cast.BranchA, app.Cast.BranchB },
        }).OkAsync();
        var bothId = both.GetProperty("id").GetGuid();
        var onlyA = (await app.As("m2").PostJsonAsync("/api/prevention/warnings", new
        {
            title = "关于城东分局抽检复查的警示提醒",
            text = "城东分局抽检复查屡次延误，请整改。",
            unitIds = new[] { app.Cast.BranchA },
        }).OkAsync()).GetProperty("id").GetGuid();

        Assert.Equal(2, (await app.As("leaderA").GetOkAsync("/api/prevention/warnings/pending")).GetArrayLength());
        Assert.Equal(["关于执法文书送达不规范的警示提醒"], (await app.As("leaderB").GetOkAsync("/api/prevention/warnings/pending")).Strings("title"));
        Assert.Equal(0, (await app.As("staffA").GetOkAsync("/api/prevention/warnings/pending")).GetArrayLength());

        // Not the leader of a recipient unit: a colleague, another unit's leader, the bureau's leaders above the unit.
        foreach (var user in new[] { "staffA", "leaderB", "leaderCounty", "m1", "office" })
        {
            var refused = await app.As(user).PostJsonAsync($"/api/prevention/warnings/{onlyA}/acknowledgement", new { comment = "已收到。" })
                .ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-recipient-leader", refused.Code);
            Assert.Contains("城东分局", refused.Title);
        }
        Assert.Equal("prevention-not-allowed", (await app.As("staffA").GetAsync("/api/prevention/analysis").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        Assert.Equal("warnings-not-allowed", (await app.As("staffB").GetAsync("/api/prevention/warnings").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        Assert.Equal("warning-not-found", (await app.As("leaderB").GetAsync($"/api/prevention/warnings/{onlyA}").ProblemAsync(HttpStatusCode.NotFound)).Code);
        Assert.Equal(["关于执法文书送达不规范的警示提醒"], (await app.As("leaderB").GetOkAsync("/api/prevention/warnings")).Strings("title"));

        var noComment = await app.As("leaderA").PostJsonAsync($"/api/prevention/warnings/{bothId}/acknowledgement", new { comment = " " }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noComment.Body.GetProperty("errors").TryGetProperty("comment", out _));
        var acknowledged = await app.As("leaderA").PostJsonAsync($"/api/prevention/warnings/{bothId}/acknowledgement",
            new { comment = "已组织全分局对照检查，建立文书送达台账。" }).OkAsync();
        Assert.Equal(1, acknowledged.GetProperty("acknowledgedCount").GetInt32());
        var again = await app.As("leaderA").PostJsonAsync($"/api/prevention/warnings/{bothId}/acknowledgement", new { comment = "再次签收。" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-acknowledged", again.Code);
        Assert.Contains("张局长", again.Title);

        var seen = await app.As("office").GetOkAsync($"/api/prevention/warnings/{bothId}");
        Assert.Equal(2, seen.GetProperty("recipientCount").GetInt32());
        var recipients = seen.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("unitName").GetString()!);
        Assert.True(recipients["城东分局"].GetProperty("acknowledged").GetBoolean());
        Assert.Equal("张局长", recipients["城东分局"].GetProperty("acknowledgedBy").GetString());
        Assert.Equal(app.Clock.Today.ToString("yyyy-MM-dd"), recipients["城东分局"].GetProperty("acknowledgedOn").GetString());
        Assert.Equal("已组织全分局对照检查，建立文书送达台账。", recipients["城东分局"].GetProperty("comment").GetString());
        Assert.False(recipients["城西分局"].GetProperty("acknowledged").GetBoolean());
        Assert.Equal(["郭局长"], recipients["城西分局"].GetProperty("leaders").Texts());

        Assert.Equal(["关于城东分局抽检复查的警示提醒"], (await app.As("leaderA").GetOkAsync("/api/prevention/warnings/pending")).Strings("title"));
        Assert.Equal(["IssueWarning", "IssueWarning", "AcknowledgeWarning"], await AuditActionsAsync(app, "WarningNotice"));
        var ackEntry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "AcknowledgeWarning"));
        Assert.Equal("城东分局负责人", ackEntry.ActingAs);
        Assert.Equal("张局长", ackEntry.ActorName);
    }

    [Theory, AllDatabases]
    public async Task A_warning_needs_units_that_exist_and_have_a_leader_to_acknowledge_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        var none = await app.As("office").PostJsonAsync("/api/prevention/warnings", new { title = "警示", text = "内容", unitIds = Array.Empty<Guid>() })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("至少选择一个接收单位", none.Title);

        // 东山县局城关所 has no leader in the test bureau: nobody could acknowledge.
        var leaderless = await app.As("office").PostJsonAsync("/api/prevention/warnings", new { title = "警示", text = "内容", unitIds = new[] { app.Cast.Units["东山县局城关所"] } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("东山县局城关所没有登记负责人", leaderless.Title);

        var unknownRiskPoint = await app.As("office").PostJsonAsync("/api/prevention/warnings", new { title = "警示", text = "内容", unitIds = new[] { app.Cast.BranchA }, riskPointId = Guid.NewGuid() })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("风险点不存在", unknownRiskPoint.Title);
    }
}
