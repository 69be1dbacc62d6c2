using SafeHarbor.Documents;

namespace SafeHarbor.Cases;

/// <summary>The parts of a case file, as the disclosure table speaks of them.</summary>
public enum CaseSection
{
    Matter,
    Application,
    ApplicantEvidence,
    VerificationEvidence,
    SupplementRequests,
    Findings,
    Advice,
    Guidance,
    Report,
    MeetingRecord,
    Decision,
    Feedback,
    Publication,
    Correction,
    Archive,
    AbuseFindings,
}

/// <summary>Who looks at a case: a body of the procedure (any duty holder) or a party to it (subject, applicant, leader of a subject unit).</summary>
public enum Audience
{
    Body,
    Party,
}

/// <summary>Where a case stands, as far as disclosure is concerned.</summary>
public enum DisclosureStage
{
    BeforeApplication,
    InProcedure,
    Decided,
    AfterFeedback,
    ClosedWithoutDecision,
}

/// <summary>When a section opens to the parties; the bodies of the procedure see every section that exists.</summary>
public enum PartyAccess
{
    Always,
    AfterFeedback,
    Never,
}

/// <param name="Reason">Why, in Chinese, for the generated table and the refusal message.</param>
public sealed record DisclosureRule(CaseSection Section, string Name, PartyAccess Party, string Reason);

/// <summary>
/// Who sees what of a case, per stage and audience: the one table that the case page, the case API,
/// the timeline, evidence downloads and document downloads follow. The applicant sees their
/// application, their evidence and the notices addressed to them; after the written feedback also
/// the result with its reasons. Findings, advice, guidance, the report and the meeting record stay
/// with the bodies of the procedure (Art. 5: verification and collective decision are internal).
/// </summary>
[Article("5")]
public static class CaseDisclosure
{
    public static IReadOnlyList<DisclosureRule> Rules { get; } =
    [
        new(CaseSection.Matter, "问责事项和办理状态", PartyAccess.Always, "问责事项本就告知当事人；不予受理、撤回的原因一并告知"),
        new(CaseSection.Application, "容错免责申请", PartyAccess.Always, "申请方本人提交的材料"),
        new(CaseSection.ApplicantEvidence, "申请方提交的证明材料", PartyAccess.Always, "申请方本人提交的材料"),
        new(CaseSection.SupplementRequests, "补充材料通知", PartyAccess.Always, "通知本就送达申请方"),
        new(CaseSection.VerificationEvidence, "核实中取得的材料", PartyAccess.Never, "调查核实材料由局机关纪委掌握"),
        new(CaseSection.Findings, "逐项核实意见", PartyAccess.Never, "第五条第（二）项：调查核实在内部进行"),
        new(CaseSection.Advice, "系统分析建议和重复失误提示", PartyAccess.Never, "供办理机关参考，不是决定"),
        new(CaseSection.Guidance, "申请指导函和指导意见", PartyAccess.Never, "驻局纪检监察组对办理机关的指导"),
        new(CaseSection.Report, "书面调查报告", PartyAccess.Never, "第五条第（二）项：报告报局党组，不送申请方"),
        new(CaseSection.MeetingRecord, "党组会议记录、表决和回避", PartyAccess.Never, "第五条第（三）项：集体研究的过程不对外"),
        new(CaseSection.Decision, "认定结果和理由", PartyAccess.AfterFeedback, "第五条第（四）项：以书面反馈告知申请方"),
        new(CaseSection.Feedback, "结果反馈和送达", PartyAccess.AfterFeedback, "第五条第（四）项：书面反馈并答复解释"),
        new(CaseSection.Publication, "公开", PartyAccess.AfterFeedback, "第五条第（五）项：在一定范围内公开"),
        new(CaseSection.Correction, "纠错整改（谈话、提醒函、整改通知）", PartyAccess.AfterFeedback, "第八条：对当事人进行，当事人参与"),
        new(CaseSection.Archive, "存档备案和归档包", PartyAccess.Never, "第五条第（六）项：由局机关党委存档备案"),
        new(CaseSection.AbuseFindings, "查实的举报", PartyAccess.Never, "第十条：举报核查由纪检机关掌握"),
    ];

    /// <summary>The section each document belongs to: a document is shown exactly when its section is.</summary>
    public static CaseSection SectionOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Application => CaseSection.Application,
        DocumentKind.RefusalNotice => CaseSection.Matter,
        DocumentKind.SupplementNotice => CaseSection.SupplementRequests,
        DocumentKind.GuidanceRequest => CaseSection.Guidance,
        DocumentKind.InvestigationReport => CaseSection.Report,
        DocumentKind.MeetingExtract => CaseSection.MeetingRecord,
        DocumentKind.DeterminationOpinion => CaseSection.Decision,
        DocumentKind.FeedbackNotice => CaseSection.Feedback,
        DocumentKind.Circular => CaseSection.Publication,
        DocumentKind.ReminderLetter or DocumentKind.TalkRecord or DocumentKind.RectificationNotice => CaseSection.Correction,
        DocumentKind.FilingForm => CaseSection.Archive,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Steps whose timeline entries a party sees (by name only, never their details), and 形成认定意见 once fed back; the others are internal.</summary>
    private static readonly HashSet<CaseAction> PartyTimeline =
    [
        CaseAction.Register, CaseAction.Apply, CaseAction.UploadEvidence, CaseAction.RefuseAsLate, CaseAction.HoldLateApplication,
        CaseAction.AcceptApplication, CaseAction.RefuseApplication, CaseAction.StartVerification, CaseAction.RequestSupplement,
        CaseAction.SubmitSupplement, CaseAction.Schedule, CaseAction.IssueFeedback, CaseAction.RecordDelivery,
        CaseAction.Acknowledge, CaseAction.Publish, CaseAction.Withdraw, CaseAction.Archive,
    ];

    public static DisclosureRule RuleOf(CaseSection section) => Rules.Single(r => r.Section == section);

    public static Audience AudienceOf(Actor actor) => actor.SeesAllCases ? Audience.Body : Audience.Party;

    public static DisclosureStage StageOf(Case c) => StageOf(c.Status, c.Decision is not null);

    /// <summary>The statuses a decided case has once the written feedback has gone out (an archived case without a decision never had one).</summary>
    public static readonly IReadOnlyList<CaseStatus> AfterFeedbackStatuses =
        [CaseStatus.FeedbackIssued, CaseStatus.Delivered, CaseStatus.Acknowledged, CaseStatus.Published, CaseStatus.Archived];

    public static DisclosureStage StageOf(CaseStatus status, bool decided) => status switch
    {
        CaseStatus.Registered => DisclosureStage.BeforeApplication,
        CaseStatus.Refused or CaseStatus.Withdrawn => DisclosureStage.ClosedWithoutDecision,
        CaseStatus.Decided => DisclosureStage.Decided,
        _ when AfterFeedbackStatuses.Contains(status) => decided ? DisclosureStage.AfterFeedback : DisclosureStage.ClosedWithoutDecision,
        _ => DisclosureStage.InProcedure,
    };

    public static bool Shows(CaseSection section, Audience audience, DisclosureStage stage) =>
        audience == Audience.Body || RuleOf(section).Party switch
        {
            PartyAccess.Always => true,
            PartyAccess.AfterFeedback => stage == DisclosureStage.AfterFeedback,
            _ => false,
        };

    public static bool Shows(this Actor actor, Case c, CaseSection section) => Shows(section, AudienceOf(actor), StageOf(c));

    public static bool Shows(this Actor actor, Case c, DocumentKind kind) => actor.Shows(c, SectionOf(kind));

    /// <summary>Evidence the verifier gathered stays with the bodies; what the applicant uploaded is theirs to see.</summary>
    public static CaseSection SectionOfEvidence(string stage) => stage == VerificationEvidenceStage ? CaseSection.VerificationEvidence : CaseSection.ApplicantEvidence;

    public const string VerificationEvidenceStage = "核实材料";

    public static bool ShowsTimelineEntry(this Actor actor, Case c, string action) =>
        AudienceOf(actor) == Audience.Body
        || (Enum.TryParse<CaseAction>(action, out var step) && (PartyTimeline.Contains(step)
            || (step == CaseAction.Decide && StageOf(c) == DisclosureStage.AfterFeedback)));

    /// <summary>Refuses a section the actor may not see (403, saying when it opens to them, if ever).</summary>
    public static void EnsureShows(this Actor actor, Case c, CaseSection section)
    {
        if (!actor.Shows(c, section))
        {
            var rule = RuleOf(section);
            throw DomainException.Forbidden("not-disclosed", rule.Party == PartyAccess.AfterFeedback
                ? $"“{rule.Name}”在书面反馈后向申请方公开，目前尚未反馈。"
                : $"“{rule.Name}”由办理机关掌握，不向申请方公开（{rule.Reason}）。");
        }
    }

    private static string StageName(DisclosureStage stage) => stage switch
    {
        DisclosureStage.BeforeApplication => "申请前",
        DisclosureStage.InProcedure => "申请后至认定前",
        DisclosureStage.Decided => "已认定待反馈",
        DisclosureStage.AfterFeedback => "书面反馈后",
        DisclosureStage.ClosedWithoutDecision => "不予受理或撤回",
        _ => stage.ToString(),
    };

    /// <summary>The table as Markdown for docs/disclosure.md; a test keeps the file in step.</summary>
    public static string ToMarkdown()
    {
        var stages = Enum.GetValues<DisclosureStage>();
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Who sees what (generated)");
        sb.AppendLine();
        sb.AppendLine("Generated from `src/SafeHarbor/Cases/CaseDisclosure.cs` by the test");
        sb.AppendLine("`Disclosure_document_matches_the_table`; edit the table, not this file.");
        sb.AppendLine();
        sb.AppendLine("Bodies (机关) are the holders of a duty in the procedure (局机关纪委, 驻局纪检监察组, 局党组成员,");
        sb.AppendLine("局办公室, 局机关党委, …): they see every part of a case that exists. Parties (当事方) are the");
        sb.AppendLine("subjects of the matter, the applicant and the leaders of a subject unit. The case page, the case API");
        sb.AppendLine("(fields of a hidden part are null or empty), evidence and document downloads (403 `not-disclosed`)");
        sb.AppendLine("and the timeline (a party sees the names of procedural steps, never their details) follow this table.");
        sb.AppendLine();
        sb.AppendLine("| part | documents | " + string.Join(" | ", stages.Select(s => $"{StageName(s)}<br>机关 · 当事方")) + " | why |");
        sb.AppendLine("|---|---|" + string.Concat(stages.Select(_ => "---|")) + "---|");
        foreach (var rule in Rules)
        {
            var documents = string.Join("、", Enum.GetValues<DocumentKind>().Where(k => SectionOf(k) == rule.Section).Select(k => k.Chinese()));
            var cells = stages.Select(s => $"✓ · {(Shows(rule.Section, Audience.Party, s) ? "✓" : "—")}");
            sb.AppendLine($"| {rule.Section} {rule.Name} | {documents} | {string.Join(" | ", cells)} | {rule.Reason} |");
        }
        return sb.ToString();
    }
}
