namespace SafeHarbor.Cases;

/// <summary>Where a case stands in the procedure of Art. 5. Only <see cref="CaseWorkflow"/> moves a case.</summary>
public enum CaseStatus
{
    Registered,
    Refused,

    /// <summary>Applied after a provisional (暂定) deadline: waits for the year's holiday notice or for 局机关纪委 to decide.</summary>
    TimelinessPending,
    Submitted,
    Verifying,
    AwaitingSupplement,
    Reported,
    Scheduled,
    Decided,
    FeedbackIssued,
    Delivered,
    Acknowledged,
    Published,
    Archived,
    Withdrawn,
}

public enum CaseAction
{
    Register,
    ClassifyError,
    UploadEvidence,
    Apply,
    RefuseAsLate,
    HoldLateApplication,
    AcceptApplication,
    RefuseApplication,
    Withdraw,
    StartVerification,
    RecordFinding,
    RequestGuidance,
    ReplyGuidance,
    RequestSupplement,
    SubmitSupplement,
    SubmitReport,
    ReopenVerification,
    Schedule,
    RecordRecusal,
    Vote,
    RecordShowOfHands,
    Decide,
    Postpone,
    IssueFeedback,
    RecordDelivery,
    Acknowledge,
    Publish,
    Archive,
}

public enum TimeLimit
{
    ApplicationWindow,
    SupplementDue,
}

public static class CaseNames
{
    public static string Chinese(this CaseStatus status) => status switch
    {
        CaseStatus.Registered => "待申请",
        CaseStatus.Refused => "不予受理",
        CaseStatus.TimelinessPending => "逾期待定",
        CaseStatus.Submitted => "待核实",
        CaseStatus.Verifying => "核实中",
        CaseStatus.AwaitingSupplement => "待补充材料",
        CaseStatus.Reported => "待认定",
        CaseStatus.Scheduled => "会议研究中",
        CaseStatus.Decided => "已认定待反馈",
        CaseStatus.FeedbackIssued => "已反馈待送达",
        CaseStatus.Delivered => "已送达待确认",
        CaseStatus.Acknowledged => "申请方已确认",
        CaseStatus.Published => "已公开",
        CaseStatus.Archived => "已备案",
        CaseStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    public static string Chinese(this CaseAction action) => action switch
    {
        CaseAction.Register => "登记问责事项",
        CaseAction.ClassifyError => "确定失误类型",
        CaseAction.UploadEvidence => "上传证明材料",
        CaseAction.Apply => "提出容错免责申请",
        CaseAction.RefuseAsLate => "逾期申请不予受理",
        CaseAction.HoldLateApplication => "期限暂定，逾期申请待定",
        CaseAction.AcceptApplication => "决定受理申请",
        CaseAction.RefuseApplication => "决定不予受理",
        CaseAction.Withdraw => "撤回申请",
        CaseAction.StartVerification => "开始调查核实",
        CaseAction.RecordFinding => "记录核实意见",
        CaseAction.RequestGuidance => "申请驻局纪检监察组指导",
        CaseAction.ReplyGuidance => "反馈指导意见",
        CaseAction.RequestSupplement => "通知补充材料",
        CaseAction.SubmitSupplement => "提交补充材料",
        CaseAction.SubmitReport => "提交书面调查报告",
        CaseAction.ReopenVerification => "重新核实",
        CaseAction.RecordShowOfHands => "登记举手表决结果",
        CaseAction.Schedule => "列入党组会议议题",
        CaseAction.RecordRecusal => "登记回避",
        CaseAction.Vote => "表决",
        CaseAction.Decide => "形成认定意见",
        CaseAction.Postpone => "暂缓研究、移出议题",
        CaseAction.IssueFeedback => "书面反馈认定结果",
        CaseAction.RecordDelivery => "登记送达",
        CaseAction.Acknowledge => "申请方签收确认",
        CaseAction.Publish => "公开容错免责结果",
        CaseAction.Archive => "存档备案",
        _ => action.ToString(),
    };

    public static string Chinese(this TimeLimit limit) => limit switch
    {
        TimeLimit.ApplicationWindow => "申请期限",
        TimeLimit.SupplementDue => "补充材料期限",
        _ => limit.ToString(),
    };
}
