using SafeHarbor.Features.Incentives;

namespace SafeHarbor.Host;

public static partial class DemoData
{
    private sealed partial class DemoScript
    {
        /// <summary>
        /// Art. 13 in the demo: talks (one by 张卫东 with 何晓峰 after his exemption), commendations (平时激励
        /// for 城东分局's work, a 专项表彰奖励 for 许磊, one for 林静) and support measures for front-line staff,
        /// all recorded through the real commands by the people whose duty it is.
        /// </summary>
        partial void WriteIncentives()
        {
            const string bureau = "青禾市市场监督管理局";

            // Talks.
            At(39, async () => await RecordHeartTalk.HandleAsync(new RecordHeartTalk.Request(
                await PersonId("何晓峰"), WorkingDaysAgo(39), null,
                "局党组认定予以容错免责后进行谈心谈话。肯定其依法推行柔性执法、对首次轻微违法经营者不予处罚并教育引导的担当，帮助分析跟踪抽检复查延误的原因；"
                + "本人表示认定结果让自己放下了思想包袱，但担心再出差错、今后不敢再用不予处罚，分局鼓励其继续依法大胆履职，把复查台账管起来。",
                "分局为食品安全监管股增配1名执法人员协助跟踪抽检；不予处罚案件复查到期前3日由分局法制员提醒；一个月后再次谈话了解思想状况。"),
                await As("zhangwd"), runner, ct));
            At(37, async () => await RecordHeartTalk.HandleAsync(new RecordHeartTalk.Request(
                await PersonId("林静"), WorkingDaysAgo(37), null,
                "围绕持续优化营商环境谈包容审慎监管中执法尺度的把握：首违不罚的适用条件、教育引导与跟踪复查的衔接。本人反映入职两年来办案经验不足，遇到新业态拿不准时不敢下结论。",
                "安排参加全市柔性执法业务培训；由何晓峰同志结对指导一年。"),
                await As("lijh"), runner, ct));
            At(20, async () => await RecordHeartTalk.HandleAsync(new RecordHeartTalk.Request(
                await PersonId("唐亮"), WorkingDaysAgo(20), null,
                "了解一线广告监管执法人员的工作和生活情况。本人近期承担网络广告监测任务较重，父亲住院手术需要照护，夜间值班难以兼顾。",
                "协调高新区分局调整其值班安排；报工会开展困难职工慰问。"),
                await As("huangl"), runner, ct));
            At(6, async () => await RecordHeartTalk.HandleAsync(new RecordHeartTalk.Request(
                await PersonId("冯涛"), WorkingDaysAgo(6), null,
                "局党组对消费纠纷调解承诺未跟踪一事作出从轻处理认定后谈心：肯定其为化解预付卡纠纷主动作为，帮助分析调解后跟踪落实不到位的原因；本人表示愿意接受批评教育，鼓励支队领导班子继续带头担当作为。",
                "支队建立调解承诺跟踪台账，按季度向局党组报告；局有关科室协助追讨剩余预付款。"),
                await As("zhoumy"), runner, ct));

            // Commendations and special awards (人事科).
            At(30, async () => await RecordCommendation.HandleAsync(new RecordCommendation.Request(
                CommendationKind.Regular, null, await UnitId("城东分局"),
                "包容审慎监管工作成效明显，予以通报表扬",
                "城东分局推行“首违不罚+教育引导”，2026年上半年对147户首次轻微违法经营者依法不予处罚并逐户回访整改，未发生一起投诉；经局党组会议研究，予以通报表扬。",
                bureau, WorkingDaysAgo(30)), await As("huangl"), runner, ct));
            At(48, async () => await RecordCommendation.HandleAsync(new RecordCommendation.Request(
                CommendationKind.Special, await PersonId("许磊"), null,
                "2026年上半年特种设备安全专项整治先进个人",
                "在全市电梯、锅炉安全隐患专项整治中排查在用设备312台，发现并督促整改隐患62处，整改率100%；依据《青禾市市场监督管理局2026年特种设备安全专项整治表彰方案》，经局党组会议研究决定授予。",
                bureau, WorkingDaysAgo(48)), await As("huangl"), runner, ct));
            At(12, async () => await RecordCommendation.HandleAsync(new RecordCommendation.Request(
                CommendationKind.Regular, await PersonId("林静"), null,
                "第三季度执法办案能手",
                "第三季度办理食品安全案件11件，全部经法制审核通过，其中6件适用首违不罚并回访整改到位；经分局推荐、人事科考核确定。",
                bureau, WorkingDaysAgo(12)), await As("huangl"), runner, ct));

            // Support measures for front-line staff (人事科).
            At(35, async () => await RecordSupportMeasure.HandleAsync(new RecordSupportMeasure.Request(
                "心理关怀", await PersonId("何晓峰"), null,
                "容错免责认定后，安排心理咨询师开展一对一心理疏导两次，帮助其缓解工作压力、重拾履职信心。",
                WorkingDaysAgo(35)), await As("huangl"), runner, ct));
            At(28, async () => await RecordSupportMeasure.HandleAsync(new RecordSupportMeasure.Request(
                "待遇保障", null, await UnitId("综合行政执法支队"),
                "为夜间及节假日执法人员落实加班补助；配发执法记录仪12台、夜间执法反光服30套。",
                WorkingDaysAgo(28)), await As("huangl"), runner, ct));
            At(18, async () => await RecordSupportMeasure.HandleAsync(new RecordSupportMeasure.Request(
                "排忧解难", await PersonId("唐亮"), null,
                "协调高新区分局调整其一个月的夜间值班，给予照护假5天；工会送去困难职工慰问金2000元。",
                WorkingDaysAgo(18)), await As("huangl"), runner, ct));
            At(10, async () => await RecordSupportMeasure.HandleAsync(new RecordSupportMeasure.Request(
                "政策倾斜", null, await UnitId("青禾县局城关市场监管所"),
                "2026年度评先评优名额向基层市场监管所倾斜，该所增加1个年度考核优秀名额。",
                WorkingDaysAgo(10)), await As("huangl"), runner, ct));
        }
    }
}
