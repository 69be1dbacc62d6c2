using SafeHarbor.PolicyRules;

namespace SafeHarbor.Cases;

/// <summary>One row of the procedure: from a status, an action leads to a status, done under a duty.</summary>
/// <param name="From">Null for the action that creates the case.</param>
/// <param name="Starts">The time limit this step starts, if any.</param>
/// <param name="Automatic">Taken by the system inside another step (e.g. a late application refused on submission), never offered.</param>
/// <param name="Dates">The date rule of the step, if it has a date: <see cref="StepDates"/> enforces it, the table documents it.</param>
public sealed record WorkflowStep(
    CaseStatus? From,
    CaseAction Action,
    CaseStatus To,
    IReadOnlyList<Duty> Duties,
    TimeLimit? Starts,
    string Rule,
    bool Automatic = false)
{
    public string? Dates => StepDates.Describe(Action);
}

/// <summary>
/// The transition table of Art. 5–7: the only description of which step may follow which and who
/// does it. Art. 6 (strict procedure): nothing may be skipped or done out of order, so anything not
/// in this table is refused.
/// </summary>
[Article("6")]
public static class CaseWorkflow
{
    private static readonly CaseStatus[] BeforeDetermination =
        [CaseStatus.TimelinessPending, CaseStatus.Submitted, CaseStatus.Verifying, CaseStatus.AwaitingSupplement, CaseStatus.Reported, CaseStatus.Scheduled];

    private static readonly CaseStatus[] Closable =
        [CaseStatus.Acknowledged, CaseStatus.Published, CaseStatus.Refused, CaseStatus.Withdrawn];

    public static IReadOnlyList<WorkflowStep> Steps { get; } = Build();

    private static List<WorkflowStep> Build()
    {
        var steps = new List<WorkflowStep>
        {
            new(null, CaseAction.Register, CaseStatus.Registered, [Duty.Register], TimeLimit.ApplicationWindow,
                "第五条第（一）项：启动问责程序后开始计算申请期限"),
            new(CaseStatus.Registered, CaseAction.ClassifyError, CaseStatus.Registered, [Duty.Register], null,
                "第九条：登记时确定失误类型，供防错分析"),
            new(CaseStatus.Registered, CaseAction.UploadEvidence, CaseStatus.Registered, [Duty.Applicant], null,
                "第五条第（一）项：申请前可先上传证明材料"),
            new(CaseStatus.Registered, CaseAction.Apply, CaseStatus.Submitted, [Duty.Applicant], null,
                "第五条第（一）项：在申请期限内提出书面申请"),
            new(CaseStatus.Registered, CaseAction.RefuseAsLate, CaseStatus.Refused, [Duty.Applicant], null,
                "第五条第（一）项：超过申请期限提出的申请不予受理（提交时自动判定）", Automatic: true),
            new(CaseStatus.Registered, CaseAction.HoldLateApplication, CaseStatus.TimelinessPending, [Duty.Applicant], null,
                "第五条第（一）项：期限按法定节假日推算（暂定）时，超过该期限的申请不自动不予受理，待节假日安排发布后判定或由局机关纪委决定（提交时自动判定）", Automatic: true),
            new(CaseStatus.TimelinessPending, CaseAction.UploadEvidence, CaseStatus.TimelinessPending, [Duty.Applicant], null,
                "第五条第（一）项：待定期间可补充上传证明材料"),
            new(CaseStatus.TimelinessPending, CaseAction.AcceptApplication, CaseStatus.Submitted, [Duty.Verify], null,
                "第五条第（一）项：期限暂定的逾期申请由局机关纪委说明理由决定受理；节假日安排发布后按正式期限自动判定"),
            new(CaseStatus.TimelinessPending, CaseAction.RefuseApplication, CaseStatus.Refused, [Duty.Verify], null,
                "第五条第（一）项：期限暂定的逾期申请由局机关纪委说明理由决定不予受理；节假日安排发布后按正式期限自动判定"),
            new(CaseStatus.Submitted, CaseAction.UploadEvidence, CaseStatus.Submitted, [Duty.Applicant], null,
                "第五条第（一）项：申请后、核实前可补充上传证明材料"),
            new(CaseStatus.Submitted, CaseAction.StartVerification, CaseStatus.Verifying, [Duty.Verify], null,
                "第五条第（二）项：局机关纪委调查核实"),
            new(CaseStatus.Verifying, CaseAction.UploadEvidence, CaseStatus.Verifying, [Duty.Verify], null,
                "第五条第（二）项：核实中取得的材料"),
            new(CaseStatus.Verifying, CaseAction.RecordFinding, CaseStatus.Verifying, [Duty.Verify], null,
                "第五条第（二）项：逐项核实申请条件和排除情形"),
            new(CaseStatus.Verifying, CaseAction.ClassifyError, CaseStatus.Verifying, [Duty.Verify], null,
                "第九条：核实中确定或更正失误类型"),
            new(CaseStatus.Verifying, CaseAction.RequestGuidance, CaseStatus.Verifying, [Duty.Verify], null,
                "第五条第（二）项：必要时申请驻局纪检监察组指导"),
            new(CaseStatus.Verifying, CaseAction.ReplyGuidance, CaseStatus.Verifying, [Duty.Guide], null,
                "第五条第（二）项：驻局纪检监察组给出指导意见，不作决定"),
            new(CaseStatus.AwaitingSupplement, CaseAction.ReplyGuidance, CaseStatus.AwaitingSupplement, [Duty.Guide], null,
                "第五条第（二）项：驻局纪检监察组给出指导意见，不作决定"),
            new(CaseStatus.Verifying, CaseAction.RequestSupplement, CaseStatus.AwaitingSupplement, [Duty.Verify], TimeLimit.SupplementDue,
                "第五条第（二）项：核实中通知申请方补充材料"),
            new(CaseStatus.AwaitingSupplement, CaseAction.UploadEvidence, CaseStatus.AwaitingSupplement, [Duty.Applicant], null,
                "第五条第（二）项：补充材料的证明文件"),
            new(CaseStatus.AwaitingSupplement, CaseAction.SubmitSupplement, CaseStatus.Verifying, [Duty.Applicant], null,
                "第五条第（二）项：申请方提交补充材料后继续核实"),
            new(CaseStatus.Verifying, CaseAction.SubmitReport, CaseStatus.Reported, [Duty.Verify], null,
                "第五条第（二）项：综合各方面因素出具书面调查报告"),
            new(CaseStatus.Reported, CaseAction.ReopenVerification, CaseStatus.Verifying, [Duty.Verify], null,
                "第四条：核实结论有误（如排除情形）的，局机关纪委说明理由重新核实，原报告作废并记入审计"),
            new(CaseStatus.Reported, CaseAction.Schedule, CaseStatus.Scheduled, [Duty.Secretariat], null,
                "第五条第（三）项：提交局党组集体研究"),
            new(CaseStatus.Scheduled, CaseAction.RecordRecusal, CaseStatus.Scheduled, [Duty.Secretariat], null,
                "第六条：与事项有利害关系的成员回避"),
            new(CaseStatus.Scheduled, CaseAction.Vote, CaseStatus.Scheduled, [Duty.Vote], null,
                "第三条：一事一议，逐项表决；形成认定意见前可说明理由更正本人表决"),
            new(CaseStatus.Scheduled, CaseAction.RecordShowOfHands, CaseStatus.Scheduled, [Duty.Secretariat], null,
                "第三条：举手表决的，由会议记录人逐一登记出席成员的表决意见"),
            new(CaseStatus.Scheduled, CaseAction.Decide, CaseStatus.Decided, [Duty.Secretariat], null,
                "第五条第（三）项：达到法定人数且超过应到会成员半数同意，形成认定意见"),
            new(CaseStatus.Scheduled, CaseAction.Postpone, CaseStatus.Reported, [Duty.Secretariat], null,
                "第五条第（三）项：会议未能形成决定的，移出议题另行研究"),
            new(CaseStatus.Decided, CaseAction.IssueFeedback, CaseStatus.FeedbackIssued, [Duty.Secretariat], null,
                "第五条第（四）项：以书面形式向申请方反馈并答复解释"),
            new(CaseStatus.FeedbackIssued, CaseAction.RecordDelivery, CaseStatus.Delivered, [Duty.Secretariat], null,
                "第五条第（四）项：送达申请方"),
            new(CaseStatus.Delivered, CaseAction.Acknowledge, CaseStatus.Acknowledged, [Duty.Applicant], null,
                "第五条第（四）项：申请方签收确认书面反馈"),
            new(CaseStatus.Acknowledged, CaseAction.Publish, CaseStatus.Published, [Duty.Secretariat], null,
                "第五条第（五）项：认定容错免责的，可在一定范围内公开"),
        };
        steps.AddRange(BeforeDetermination.Select(s =>
            new WorkflowStep(s, CaseAction.Withdraw, CaseStatus.Withdrawn, [Duty.Applicant], null, "认定前申请方可撤回申请")));
        steps.AddRange(Closable.Select(s =>
            new WorkflowStep(s, CaseAction.Archive, CaseStatus.Archived, [Duty.Archive], null,
                "第五条第（六）项：材料由局机关党委存档备案，备案后只读")));
        return steps;
    }

    public static WorkflowStep? Find(CaseStatus? from, CaseAction action) =>
        Steps.FirstOrDefault(s => s.From == from && s.Action == action);

    public static IEnumerable<CaseAction> ActionsFrom(CaseStatus status) =>
        Steps.Where(s => s.From == status).Select(s => s.Action).Distinct();

    public static bool IsTerminal(CaseStatus status) => status == CaseStatus.Archived;

    /// <summary>The table as Markdown for docs/workflow.md; a test keeps the file in step.</summary>
    public static string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Case workflow (generated)");
        sb.AppendLine();
        sb.AppendLine("Generated from `src/SafeHarbor/Cases/CaseWorkflow.cs` by the test");
        sb.AppendLine("`Workflow_document_matches_the_transition_table`; edit the table, not this file.");
        sb.AppendLine("Anything not listed here is refused (Art. 6). Who holds each duty is set per policy version");
        sb.AppendLine("(`duties` in the policy file); the applicant duty means a subject of the matter before");
        sb.AppendLine("applying and the applicant afterwards.");
        sb.AppendLine();
        sb.AppendLine("RefuseAsLate and HoldLateApplication are taken by the system inside Apply and never offered to a user.");
        sb.AppendLine();
        sb.AppendLine("| from | action | to | duty | starts | rule | dates |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in Steps)
        {
            var from = s.From is { } f ? $"{f} {f.Chinese()}" : "(new case)";
            var duties = string.Join(", ", s.Duties.Select(d => $"{d} {d.Chinese()}"));
            var starts = s.Starts is { } t ? $"{t} {t.Chinese()}" : "";
            sb.AppendLine($"| {from} | {s.Action} {s.Action.Chinese()} | {s.To} {s.To.Chinese()} | {duties} | {starts} | {s.Rule} | {s.Dates} |");
        }
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.AppendLine("stateDiagram-v2");
        foreach (var s in Steps.Where(s => s.From != s.To))
        {
            sb.AppendLine($"    {(s.From?.ToString() ?? "[*]")} --> {s.To}: {s.Action}");
        }
        sb.AppendLine("    Archived --> [*]");
        sb.AppendLine("```");
        return sb.ToString();
    }
}
