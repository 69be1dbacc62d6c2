using SafeHarbor.Cases;
using SafeHarbor.Features.AbuseReports;
using SafeHarbor.Features.Prevention;

namespace SafeHarbor.Host;

public static partial class DemoData
{
    /// <summary>
    /// Art. 9 and 10 in the demo: 执法稽查科 sets thresholds; six matters of the kind 跟踪复查不到位 within a year
    /// flag it; the office records a risk point from that flag and warns 城东分局 and 综合行政执法支队, and
    /// 城东分局's leader acknowledges while the detachment's still has it in his 待办. Two more abuse reports
    /// (one open, one not substantiated) sit beside the substantiated one of case 2.
    /// </summary>
    private sealed partial class DemoScript
    {
        partial void WritePrevention()
        {
            var kindThreshold = Guid.Empty;
            At(4, async () =>
            {
                var owner = await As("machao");
                kindThreshold = (await SetThreshold.HandleAsync(new SetThreshold.Request(PreventionDimension.ErrorKind, "跟踪复查不到位", 3, 12), owner, runner, ct)).Id;
                await SetThreshold.HandleAsync(new SetThreshold.Request(PreventionDimension.FieldAndKind,
                    PreventionAnalysis.CombinedValue("食品安全", "跟踪复查不到位"), 2, 12), owner, runner, ct);
                await SetThreshold.HandleAsync(new SetThreshold.Request(PreventionDimension.Unit, null, 4, 6), owner, runner, ct);
                await SetThreshold.HandleAsync(new SetThreshold.Request(PreventionDimension.BusinessField, null, 3, 12), owner, runner, ct);
            });

            var riskPoint = Guid.Empty;
            At(3, async () =>
            {
                var office = await As("sunxm");
                // From the flag, as the page does it: the draft lists the cases; the office completes the root cause and measures.
                var draft = await DraftRiskPoint.HandleAsync(kindThreshold, "跟踪复查不到位", office, db, runner.Policies, WorkingDaysAgo(3), ct);
                riskPoint = (await RecordRiskPoint.HandleAsync(new RecordRiskPoint.Request(
                    "柔性执法措施作出后跟踪复查不到位",
                    draft.Description.Replace("问题症结：（请局党组研究分析后填写）",
                        "问题症结：不予处罚、责令改正、行政指导等柔性执法措施作出后，复查责任人和时限不明确，台账缺失，" +
                        "任务集中时复查被挤占；复查只看书面材料、不到现场核实。"),
                    draft.BusinessField,
                    draft.ErrorKind,
                    draft.Units.Select(u => u.Id).ToList(),
                    "一、凡作出不予处罚、责令改正、行政指导决定的，同时明确复查责任人和复查时限，录入跟踪复查台账，到期前3个工作日提醒；\n" +
                    "二、复查须到现场核实并留存影像资料，不得仅凭当事人提交的材料结案；\n" +
                    "三、各单位每季度对台账开展一次自查，执法稽查科每半年抽查一次，结果纳入年度综合目标考核。",
                    WorkingDaysAgo(3)), office, runner, ct)).Id;
            });

            var warning = Guid.Empty;
            At(2, async () =>
            {
                var view = await IssueWarning.HandleAsync(new IssueWarning.Request(
                    "关于柔性执法措施作出后跟踪复查不到位的警示提醒",
                    "近一年来，全局因不予处罚、责令改正、行政指导后跟踪复查不到位被启动问责的事项已有6件，集中在城东分局和综合行政执法支队，" +
                    "其中城东分局同一人员在食品安全领域两次出现同类问题。经局党组研究，现予警示提醒：\n" +
                    "请各单位负责人组织对照检查本单位近一年作出的柔性执法决定，逐件落实复查责任人和时限，建立跟踪复查台账；" +
                    "复查须到现场核实，不得仅凭书面材料结案。请于收到后5个工作日内签收并报告落实措施。",
                    [await UnitId("城东分局"), await UnitId("综合行政执法支队")],
                    riskPoint), await As("sunxm"), runner, ct);
                warning = view.Id;
            });
            At(1, async () => await AcknowledgeWarning.HandleAsync(warning, new AcknowledgeWarning.Request(
                "已组织全分局对照检查2026年以来作出的37件不予处罚和责令改正决定，逐件明确复查责任人，建立电子台账并设置到期提醒；" +
                "对食品安全监管股调整人员分工，复查一律到现场核实。"), await As("zhangwd"), runner, ct));

            // Art. 10: one report still under investigation, one found unfounded.
            At(2, async () => await RecordAbuseReport.HandleAsync(new RecordAbuseReport.RecordRequest(await PersonId("许磊"), null, AbuseKind.Extortion,
                "匿名来信反映许磊在锅炉使用登记指导中暗示企业购买指定检验机构的服务。", WorkingDaysAgo(2)), await As("zhengw"), runner, ct));
            At(10, async () =>
            {
                var investigator = await As("liuzg");
                var report = await RecordAbuseReport.HandleAsync(new RecordAbuseReport.RecordRequest(await PersonId("林静"), null, AbuseKind.FavourCase,
                    "有企业反映林静对个别企业标准公开问题只作指导、未予处罚，系照顾熟人。", WorkingDaysAgo(12)), investigator, runner, ct);
                await ConcludeAbuseReport.HandleAsync(report.Id, new ConcludeAbuseReport.ConcludeRequest(false,
                    "经调取5家企业的指导记录并询问相关人员，林静与涉事企业无利害关系，对5家企业的处理标准一致，举报不属实。"), investigator, runner, ct);
            });
        }
    }
}
