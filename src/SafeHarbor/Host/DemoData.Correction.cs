using Microsoft.EntityFrameworkCore;
using SafeHarbor.Features.Correction;

namespace SafeHarbor.Host;

public static partial class DemoData
{
    private sealed partial class DemoScript
    {
        /// <summary>
        /// Art. 8 for two exempted cases: the archived one corrected from the talk to a closed plan; the
        /// published one with a talk, a plan with one measure done and one overdue, and a follow-up that
        /// found it not yet in place.
        /// </summary>
        partial void WriteCorrection(DemoCase exempted, DemoCase published)
        {
            // ---- 1. 何晓峰 (archived exempted case, decided 45 working days ago): corrected and closed ----
            At(41, async () => await RecordTalk.HandleAsync(exempted.Id, new RecordTalk.Request(
                WorkingDaysAgo(41), await PersonId("李建华"), await PersonId("何晓峰"), null, "局机关三楼小会议室",
                "指出不予处罚后未在30日内跟踪抽检复查、致1家经营者产品不合格流入市场的问题；肯定其依法推行柔性执法的担当，要求吸取教训，把“不罚”与“后续监管”一并抓实。何晓峰表示接受批评，将牵头建立复查台账。"),
                await As("sunxm"), runner, ct));
            At(40, async () => await RecordReminderLetter.HandleAsync(exempted.Id, new RecordReminderLetter.Request(
                WorkingDaysAgo(40), "城东分局、何晓峰同志",
                "提醒对不予处罚、从轻处罚案件逐案明确跟踪复查时限和责任人；节日保供等集中任务期间不得放松已作出柔性处理案件的后续监管。"),
                await As("sunxm"), runner, ct));
            At(39, async () => await RecordCauseAnalysis.HandleAsync(exempted.Id, new RecordCauseAnalysis.Request(
                "一是跟踪复查没有台账，到期无提醒，全凭个人记忆；二是节日保供任务集中时未调整分工，复查任务无人兜底；三是股室对“不罚不等于不管”的认识不到位，重处理决定、轻后续监管。"),
                await As("sunxm"), runner, ct));
            At(38, async () => await CreatePlan.HandleAsync(exempted.Id, new CreatePlan.Request(
            [
                new("建立不予处罚案件跟踪复查台账，逐案登记复查时限和责任人，到期前3个工作日提醒。", await PersonId("何晓峰"), 10),
                new("城东分局组织一次“柔性执法后续监管”专题培训，明确不予处罚案件复查程序。", await PersonId("张卫东"), 15),
            ]), await As("sunxm"), runner, calendar, ct));
            At(30, async () => await CompleteAsync(exempted, "何晓峰", "hexf",
                "台账已于本月建立并投入使用，辖区12件不予处罚案件全部录入，复查时限和责任人逐案明确，附台账截图。"));
            At(26, async () => await CompleteAsync(exempted, "张卫东", "zhangwd",
                "已组织分局全体执法人员专题培训，参训38人，印发《不予处罚案件后续监管工作指引》，附签到表和指引文本。"));
            At(24, async () => await RecordFollowUp.HandleAsync(exempted.Id, null, new RecordFollowUp.Request(
                WorkingDaysAgo(24), "抽查台账12件，均按期完成复查；培训材料齐全，执法人员对复查程序掌握到位。", true),
                await As("liuzg"), runner, ct));
            At(22, async () => await ClosePlan.HandleAsync(exempted.Id, null, new ClosePlan.Request(
                "两项整改措施均已完成：跟踪复查台账运行正常，专题培训已开展，经机关纪委跟踪检查整改到位，予以验收销号。佐证：台账截图、培训签到表、工作指引。"),
                await As("sunxm"), runner, ct));

            // ---- 2. 林静 (exempted and published, decided 27 working days ago): rectification under way ----
            At(21, async () => await RecordTalk.HandleAsync(published.Id, new RecordTalk.Request(
                WorkingDaysAgo(21), await PersonId("王淑芬"), await PersonId("林静"), null, "城东分局会议室",
                "指出对逾期未更正企业跟进不及时的问题，提醒行政指导要有始有终、跟踪问效。林静表示将建立指导台账，按月回访。"),
                await As("wangsf"), runner, ct));
            At(20, async () => await RecordCauseAnalysis.HandleAsync(published.Id, new RecordCauseAnalysis.Request(
                "行政指导后没有回访机制，对企业负责人外出等特殊情况缺少预案；分局对“双随机”抽查发现问题的后续处置缺少统一要求。"),
                await As("sunxm"), runner, ct));
            At(19, async () => await CreatePlan.HandleAsync(published.Id, new CreatePlan.Request(
            [
                new("城东分局对辖区企业标准自我声明公开情况开展一次全面排查，发现问题当场指导更正。", await PersonId("张卫东"), 5),
                new("建立企业标准公开指导台账，对指导对象按月回访并留存记录。", await PersonId("林静"), 8),
            ]), await As("sunxm"), runner, calendar, ct));
            At(15, async () => await CompleteAsync(published, "张卫东", "zhangwd",
                "已排查辖区企业146家，发现标准编号错误3家，均已当场指导更正，附排查清单。"));
            At(10, async () => await RecordFollowUp.HandleAsync(published.Id, null, new RecordFollowUp.Request(
                WorkingDaysAgo(10), "全面排查已完成；指导台账尚未建立，按月回访未落实，整改尚未到位，已督促林静抓紧完成。", false),
                await As("qianyt"), runner, ct));
        }

        /// <summary>The owner reports their measure in the case's plan done.</summary>
        private async Task CompleteAsync(DemoCase c, string owner, string userName, string evidence)
        {
            var ownerId = await PersonId(owner);
            var plan = await db.Set<RectificationPlan>().AsNoTracking().SingleAsync(p => p.CaseId == c.Id, ct);
            var measure = plan.Measures.First(m => m.OwnerPersonId == ownerId && m.DoneOn == null);
            await CompleteMeasure.HandleAsync(c.Id, measure.Id, plan.Version, new CompleteMeasure.Request(evidence), await As(userName), runner, ct);
        }
    }
}
