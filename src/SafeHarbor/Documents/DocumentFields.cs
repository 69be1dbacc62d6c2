namespace SafeHarbor.Documents;

/// <summary>
/// Every field a template may use, with the Chinese name shown when it is missing. Scalars are
/// <c>group.name</c>; lists are repeated with <c>each</c> and their items read as <c>item.name</c>.
/// </summary>
public static class DocumentFields
{
    public static readonly IReadOnlyDictionary<string, string> Scalars = new Dictionary<string, string>
    {
        ["bureau.name"] = "单位名称",
        ["bureau.shortName"] = "发文机关代字",
        ["bureau.partyGroup"] = "党组名称",
        ["bureau.office"] = "办公室名称",
        ["bureau.discipline"] = "机关纪委名称",
        ["bureau.partyCommittee"] = "机关党委名称",
        ["bureau.guidanceGroup"] = "驻局纪检监察组名称",
        ["policy.documentNumber"] = "办法文号",
        ["policy.title"] = "办法名称",
        ["policy.window"] = "申请期限",
        ["policy.submitTo"] = "申请受理机关",
        ["policy.decisionBody"] = "认定机关",
        ["case.number"] = "案件编号",
        ["case.title"] = "事项名称",
        ["case.description"] = "问题事实",
        ["case.businessField"] = "业务领域",
        ["case.startedBy"] = "启动问责的机关",
        ["case.startedOn"] = "启动问责程序日期",
        ["case.deadline"] = "申请期限截止日",
        ["case.subjects"] = "问责对象",
        ["case.status"] = "办理状态",
        ["application.applicantName"] = "申请人",
        ["application.kind"] = "申请人类别",
        ["application.submittedOn"] = "申请日期",
        ["application.facts"] = "失误错误的事实经过",
        ["application.effectAndLosses"] = "造成的影响和损失",
        ["application.recoveryMeasures"] = "挽回措施",
        ["refusal.reason"] = "不予受理理由",
        ["guidance.question"] = "请求指导的问题",
        ["guidance.requestedOn"] = "申请指导日期",
        ["guidance.reply"] = "指导意见",
        ["supplement.items"] = "需补充的材料",
        ["supplement.requestedOn"] = "通知补充日期",
        ["supplement.dueOn"] = "补充期限",
        ["report.text"] = "书面调查报告",
        ["report.recommendation"] = "调查建议",
        ["report.submittedOn"] = "报告日期",
        ["advice.summary"] = "条件分析建议",
        ["meeting.title"] = "会议名称",
        ["meeting.heldOn"] = "会议日期",
        ["meeting.place"] = "会议地点",
        ["meeting.entitled"] = "应到会人数",
        ["meeting.present"] = "实到会人数",
        ["meeting.presentNames"] = "出席成员",
        ["meeting.absentNames"] = "缺席成员",
        ["meeting.quorum"] = "法定人数情况",
        ["meeting.tally"] = "表决结果",
        ["decision.outcome"] = "认定结果",
        ["decision.reasons"] = "认定理由",
        ["decision.mitigation"] = "从轻或减轻处理方式",
        ["decision.departureReason"] = "不采纳调查报告或系统建议的理由",
        ["decision.decidedOn"] = "认定日期",
        ["feedback.resultText"] = "反馈的认定结果",
        ["feedback.explanation"] = "答复解释",
        ["feedback.issuedOn"] = "反馈日期",
        ["feedback.deliveredOn"] = "送达日期",
        ["feedback.deliveryMethod"] = "送达方式",
        ["feedback.recipient"] = "签收人",
        ["publication.method"] = "公开方式",
        ["publication.scope"] = "公开范围",
        ["publication.circularScope"] = "书面通报的范围",
        ["publication.publishedOn"] = "公开日期",
        ["publication.reference"] = "会议名称或通报文号",
        ["archive.number"] = "档号",
        ["archive.retention"] = "保管期限",
        ["archive.archivedOn"] = "备案日期",
        ["archive.auditHash"] = "审计链哈希",
        ["addressee.name"] = "受文的单位或个人",
        ["addressee.you"] = "对受文者的称呼（你、你单位）",
        ["document.number"] = "发文字号",
        ["document.date"] = "成文日期",
    };

    /// <summary>Lists and the fields of their items.</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, IReadOnlyDictionary<string, string> Items)> Lists =
        new Dictionary<string, (string, IReadOnlyDictionary<string, string>)>
        {
            ["claims"] = ("主张的条件", new Dictionary<string, string> { ["article"] = "条款", ["title"] = "事项", ["text"] = "原文", ["explanation"] = "理由" }),
            ["findings"] = ("核实意见", new Dictionary<string, string> { ["article"] = "条款", ["title"] = "事项", ["verdict"] = "结论", ["note"] = "说明" }),
            ["recusals"] = ("回避", new Dictionary<string, string> { ["name"] = "成员", ["reason"] = "理由" }),
            ["votes"] = ("表决", new Dictionary<string, string> { ["name"] = "成员", ["choice"] = "表决意见" }),
            ["evidence"] = ("证明材料", new Dictionary<string, string> { ["name"] = "文件名", ["description"] = "说明", ["sm3"] = "SM3", ["sha256"] = "SHA-256" }),
            ["resultUses"] = ("结果运用", new Dictionary<string, string> { ["article"] = "条款", ["text"] = "内容" }),
            ["archiveItems"] = ("归档材料", new Dictionary<string, string> { ["index"] = "序号", ["name"] = "材料", ["kind"] = "类别" }),
        };

    public static string LabelOf(string path) =>
        Scalars.TryGetValue(path, out var label) ? label
        : Lists.TryGetValue(path, out var list) ? list.Label
        : path;
}
