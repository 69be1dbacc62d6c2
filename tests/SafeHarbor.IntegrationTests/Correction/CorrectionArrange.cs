using System.Net.Http.Json;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Correction;

/// <summary>Decided cases and correction records put in place through the real API.</summary>
internal static class CorrectionArrange
{
    public static string CorrectionUrl(this CaseRef c) => $"{c.Url}/correction";

    /// <summary>A case of <paramref name="subject"/> reported and decided by all five members with the given outcome.</summary>
    public static async Task<CaseRef> DecidedCaseAsync(this TestApp app, Outcome outcome = Outcome.Exempted, string subject = "staffA")
    {
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync(subject, outcome);
        await flow.DecideAtMeetingAsync(c, outcome, outcome == Outcome.Mitigated ? "免予处分，进行提醒谈话。" : null);
        return c;
    }

    /// <summary>An exempted case of a party-group member (m3): m3 stands aside at the meeting, the other four decide.</summary>
    public static async Task<CaseRef> ExemptedCaseOfMemberAsync(this TestApp app, string member = "m3")
    {
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync(member, Outcome.Exempted);
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, [.. Cast.Members.Where(m => m != member)]);
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();
        return c;
    }

    public static object Talk(TestApp app, string talker = "m1", string interviewee = "staffA", DateOnly? heldOn = null) => new
    {
        heldOn = heldOn ?? app.Clock.Today,
        talkerPersonId = app.Cast.PersonOf[talker],
        intervieweePersonId = app.Cast.PersonOf[interviewee],
        place = "局机关谈话室",
        points = "指出不予处罚后跟踪抽检不及时的问题，要求建立复查台账。",
    };

    public static object Letter(TestApp app) => new
    {
        sentOn = app.Clock.Today,
        addressee = "城东分局、何执法同志",
        points = "提醒对不予处罚案件逐案明确复查时限和责任人。",
    };

    public static object Analysis => new { text = "跟踪复查没有台账，到期无提醒；集中任务期间未调整分工。" };

    public static object Measure(TestApp app, string owner, int workingDays, string text = "建立不予处罚案件跟踪复查台账。") =>
        new { text, ownerPersonId = app.Cast.PersonOf[owner], workingDays };

    /// <summary>The cause analysis and a plan whose measures are given as (owner, working days); answers the correction view.</summary>
    public static async Task<JsonElement> PlanAsync(this TestApp app, CaseRef c, params (string Owner, int Days)[] measures)
    {
        await app.As("office").PutJsonAsync($"{c.CorrectionUrl()}/cause-analysis", Analysis).OkAsync();
        return await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan", new
        {
            measures = measures.Select((m, i) => Measure(app, m.Owner, m.Days, $"整改措施{i + 1}：建立台账并按期复查。")).ToArray(),
        }).OkAsync();
    }

    public static Guid MeasureOf(JsonElement view, TestApp app, string owner) =>
        view.GetProperty("plan").GetProperty("measures").EnumerateArray()
            .First(m => m.GetProperty("ownerPersonId").GetGuid() == app.Cast.PersonOf[owner]).GetProperty("id").GetGuid();

    public static int PlanVersion(JsonElement view) => view.GetProperty("plan").GetProperty("version").GetInt32();

    public static Task<HttpResponseMessage> CompleteAsync(this TestApp app, CaseRef c, Guid measure, string user, int? ifMatch = null, string evidence = "台账已建立，附截图。") =>
        app.As(user).PostJsonAsync($"{c.CorrectionUrl()}/plan/measures/{measure}/completion", new { evidence }, ifMatch);

    public static Task<HttpResponseMessage> FollowUpAsync(this TestApp app, CaseRef c, string user, bool satisfactory = true, int? ifMatch = null) =>
        app.As(user).PostJsonAsync($"{c.CorrectionUrl()}/plan/follow-ups", new
        {
            checkedOn = app.Clock.Today,
            finding = satisfactory ? "抽查台账，均按期复查，整改到位。" : "台账尚未建立。",
            satisfactory,
        }, ifMatch);

    public static Task<HttpResponseMessage> CloseAsync(this TestApp app, CaseRef c, string user = "office", int? ifMatch = null) =>
        app.As(user).PostJsonAsync($"{c.CorrectionUrl()}/plan/closure", new { summary = "全部措施完成并经跟踪检查到位，附台账、培训签到表。" }, ifMatch);

    public static Task<JsonElement> ViewAsync(this TestApp app, CaseRef c, string user = "office") => app.As(user).GetOkAsync(c.CorrectionUrl());

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.Tag;
}
