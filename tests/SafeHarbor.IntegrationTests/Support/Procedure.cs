using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Support;

public sealed record CaseRef(Guid Id, string Number)
{
    public string Url => $"/api/cases/{Id}";
}

/// <summary>
/// Drives a case through the real HTTP API step by step, as the people of <see cref="Cast"/> (the app's first
/// bureau unless another bureau's cast is given). Each step asserts success, so a test reads as the procedure it walks.
/// </summary>
public sealed class Procedure(TestApp app, Cast? bureau = null)
{
    private Cast People => bureau ?? app.Cast;

    private HttpClient As(string user) => app.As(People.Prefix + user);

    public static readonly string[] BaseAndExclusions = ["within-duties", "bold-but-mistaken", "no-major-accident", "no-improper-benefit", "no-abuse-as-cover"];

    public async Task<CaseRef> RegisterAsync(
        string subject = "staffA",
        DateOnly? startedOn = null,
        string title = "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时",
        string description = "对辖区首次轻微违法的小微食品经营者依法不予处罚后，未按计划开展跟踪抽检复查，后续抽检发现一批次产品不合格。",
        string field = "食品安全",
        string registrar = "inv",
        SubjectKind kind = SubjectKind.Person,
        string? workItem = null,
        string? errorKind = null)
    {
        var subjectId = kind == SubjectKind.Person ? People.PersonOf[People.Prefix + subject] : People.Units[subject];
        var body = await As(registrar).PostJsonAsync("/api/cases", new
        {
            title,
            description,
            businessField = field,
            startedBy = "局党组",
            accountabilityStartedOn = startedOn ?? app.Clock.Today,
            subjects = new[] { new { kind, id = subjectId } },
            workItem,
            errorKind,
        }).OkAsync();
        return new CaseRef(body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    public Task<JsonElement> ApplyAsync(CaseRef c, string applicant = "staffA", params string[] conditions) =>
        As(applicant).PostJsonAsync($"{c.Url}/application", ApplicationBody(conditions.Length == 0 ? ["c1", "c6"] : conditions)).OkAsync();

    public static object ApplicationBody(string[] conditions, SubjectKind kind = SubjectKind.Person, Guid? unitId = null) => new
    {
        applicantKind = kind,
        applicantUnitId = unitId,
        facts = "依据不予处罚清单作出决定并开展教育引导，因同期任务集中，跟踪抽检复查延迟。",
        effectAndLosses = "一批次散装熟食不合格，货值约600元，已下架销毁，未造成危害。",
        recoveryMeasures = "当日督促下架召回，补做抽检，建立跟踪复查台账。",
        claims = conditions.Select(code => new { code, explanation = $"符合{code}的理由：有执法记录和整改材料为证。" }).ToArray(),
    };

    public Task<JsonElement> StartVerificationAsync(CaseRef c, string investigator = "inv") =>
        As(investigator).PostJsonAsync($"{c.Url}/verification/start", null).OkAsync();

    public Task<JsonElement> FindAsync(CaseRef c, string item, Verdict verdict, string investigator = "inv") =>
        As(investigator).PutJsonAsync($"{c.Url}/findings/{item}", new { verdict, note = $"经核实，{item}：{verdict}。" }).OkAsync();

    /// <summary>Starts verification and records a finding on every base condition, every exclusion and each given condition.</summary>
    public async Task VerifyAsync(CaseRef c, Verdict verdict = Verdict.Met, string[]? conditions = null, string investigator = "inv")
    {
        await StartVerificationAsync(c, investigator);
        foreach (var item in BaseAndExclusions.Concat(conditions ?? ["c1", "c6"]))
        {
            await FindAsync(c, item, verdict, investigator);
        }
    }

    public Task<JsonElement> ReportAsync(CaseRef c, Outcome recommendation, string investigator = "inv") =>
        As(investigator).PostJsonAsync($"{c.Url}/verification/report", new
        {
            text = "经调查核实，综合各方面因素，出具本报告。",
            recommendation,
        }).OkAsync();

    /// <summary>Registers, applies, verifies (all met) and reports: the case waits for the party group.</summary>
    public async Task<CaseRef> ReportedCaseAsync(string subject = "staffA", Outcome recommendation = Outcome.Exempted)
    {
        var c = await RegisterAsync(subject);
        await ApplyAsync(c, subject);
        await VerifyAsync(c);
        await ReportAsync(c, recommendation);
        return c;
    }

    /// <summary>Opens a meeting with m1–m5 entitled and the first <paramref name="present"/> of them present.</summary>
    public async Task<Guid> OpenMeetingAsync(int present = 5)
    {
        var meeting = await As("office").PostJsonAsync("/api/meetings", new
        {
            title = "党组会议",
            heldOn = app.Clock.Today,
            place = "三楼会议室",
        }).OkAsync();
        var id = meeting.GetProperty("id").GetGuid();
        var members = Cast.Members.Select((m, i) => new
        {
            personId = People.PersonOf[People.Prefix + m],
            present = i < present,
            absenceReason = i < present ? null : "出差",
        }).ToArray();
        await As("office").PutJsonAsync($"/api/meetings/{id}/attendance", new { members }).OkAsync();
        return id;
    }

    public Task<JsonElement> ScheduleAsync(Guid meeting, CaseRef c) =>
        As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda", new { caseId = c.Id }).OkAsync();

    public Task<HttpResponseMessage> VoteAsync(Guid meeting, CaseRef c, string member, VoteChoice choice) =>
        As(member).PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/votes", new { choice });

    public async Task VoteManyAsync(Guid meeting, CaseRef c, VoteChoice choice, params string[] members)
    {
        foreach (var m in members)
        {
            await VoteAsync(meeting, c, m, choice).OkAsync();
        }
    }

    /// <summary>What the secretary writes when the decision departs from the report or the advice; ignored when it does not.</summary>
    public const string DepartureReason = "经集体研究，结合当事人一贯表现和挽回损失情况，未采纳调查报告建议。";

    public Task<HttpResponseMessage> DecideAsync(Guid meeting, CaseRef c, Outcome outcome, string? mitigation = null, string? departureReason = DepartureReason) =>
        As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/decision", new
        {
            outcome,
            reasons = "经集体研究，依据调查报告和第四条规定作出认定。",
            mitigation,
            departureReason,
        });

    /// <summary>Schedules the case at a new meeting with everyone present, all five vote for the outcome, the decision is recorded.</summary>
    public async Task<Guid> DecideAtMeetingAsync(CaseRef c, Outcome outcome, string? mitigation = null)
    {
        var meeting = await OpenMeetingAsync();
        await ScheduleAsync(meeting, c);
        await VoteManyAsync(meeting, c, outcome.ToVote(), Cast.Members);
        await DecideAsync(meeting, c, outcome, mitigation).OkAsync();
        return meeting;
    }

    public async Task FeedbackDeliveredAndAcknowledgedAsync(CaseRef c, string applicant = "staffA")
    {
        await As("office").PostJsonAsync($"{c.Url}/feedback", new { resultText = "认定结果：见会议纪要。", explanation = "依照第五条第（四）项书面反馈并答复解释。" }).OkAsync();
        await As("office").PostJsonAsync($"{c.Url}/feedback/delivery", new { deliveredOn = app.Clock.Today, method = "直接送达", recipient = "本人" }).OkAsync();
        await As(applicant).PostJsonAsync($"{c.Url}/feedback/acknowledgement", new { comment = "已收到。" }).OkAsync();
    }

    public Task<JsonElement> PublishAsync(CaseRef c) =>
        As("office").PostJsonAsync($"{c.Url}/publication", new { method = "Circular", scope = "全局", publishedOn = app.Clock.Today, reference = "通报〔2026〕1号" }).OkAsync();

    public Task<JsonElement> ArchiveAsync(CaseRef c) =>
        As("archivist").PostJsonAsync($"{c.Url}/archive", new { retention = "D30" }).OkAsync();

    public Task<JsonElement> GetAsync(CaseRef c, string user = "inv") => As(user).GetOkAsync(c.Url);
}
