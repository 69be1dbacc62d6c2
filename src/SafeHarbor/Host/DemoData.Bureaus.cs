using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

/// <summary>
/// The demo's bureaus: the city bureau (青禾市, whose script is the long one) and two county bureaus that apply
/// the city's measures (Art. 15) with their own party group, 机关纪委, numbers and cases, each seen only by its own staff.
/// </summary>
public static partial class DemoData
{
    /// <summary>Who acts as the bureau's office, votes as its party group and files its cases, and where it meets.</summary>
    public sealed record DemoBodies(string Office, string[] Members, string Archivist, string MeetingRoom);

    public sealed record DemoBureau(Bureau Bureau, (string Name, UnitType Type, string? Parent)[] Units, IReadOnlyList<DemoAccount> Accounts, DemoBodies Bodies);

    private static readonly DemoBodies CityBodies = new("sunxm", ["zhoumy", "lijh", "wangsf", "chenlx", "zhaohf"], "wuj", "局机关三楼会议室");

    private static DemoBureau? city;

    // A property, not a field: the city's units and accounts are fields of another part of this class, initialised in an order C# leaves open.
    public static DemoBureau City => city ??= new(
        Names("qh", "青禾市市场监督管理局", "青市监", "市纪委监委驻青禾市市场监督管理局纪检监察组", BureauLevel.City, 0),
        Units, Accounts, CityBodies);

    public static readonly IReadOnlyList<DemoBureau> Counties =
    [
        new(Names("qh-bh", "白河县市场监督管理局", "白市监", "县纪委监委驻白河县市场监督管理局纪检监察组", BureauLevel.County, 1),
            [
                ("白河县市场监督管理局", UnitType.Bureau, null),
                ("办公室", UnitType.Section, "白河县市场监督管理局"),
                ("机关纪委", UnitType.Section, "白河县市场监督管理局"),
                ("机关党委", UnitType.Section, "白河县市场监督管理局"),
                ("城关市场监管所", UnitType.Branch, "白河县市场监督管理局"),
                ("河口市场监管所", UnitType.Branch, "白河县市场监督管理局"),
            ],
            [
                new("zhaol", "赵磊", "白河县市场监督管理局", "党组书记、局长", [Role.PartyGroupMember], true, true),
                new("qinm", "秦敏", "白河县市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
                new("duh", "杜航", "白河县市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
                new("sunl", "孙琳", "办公室", "办公室主任（党组秘书）", [Role.PartyGroupOffice], true),
                new("jiangt", "江涛", "机关纪委", "机关纪委书记", [Role.Investigator], true),
                new("heyy", "贺媛媛", "机关党委", "机关党委副书记", [Role.PartyCommittee], true),
                new("luoj", "罗杰", "城关市场监管所", "所长", [Role.Staff], true, true),
                new("xiaoy", "肖燕", "城关市场监管所", "计量监管执法人员", [Role.Staff]),
                new("tianx", "田欣", "办公室", "人事干事", [Role.Personnel]),
                new("shiyq", "石云庆", "城关市场监管所", "法制审核员", [Role.PolicyOwner]),
                new("bhadmin", "白河县局系统管理员", "", "", [Role.SystemAdmin]),
                new("bhsec", "白河县局安全管理员", "", "", [Role.SecurityAdmin]),
                new("bhaudit", "白河县局审计管理员", "", "", [Role.AuditAdmin]),
            ],
            new("sunl", ["zhaol", "qinm", "duh"], "heyy", "县局二楼会议室")),
        new(Names("qh-ds", "东山区市场监督管理局", "东市监", "区纪委监委驻东山区市场监督管理局纪检监察组", BureauLevel.County, 2),
            [
                ("东山区市场监督管理局", UnitType.Bureau, null),
                ("办公室", UnitType.Section, "东山区市场监督管理局"),
                ("机关纪委", UnitType.Section, "东山区市场监督管理局"),
                ("机关党委", UnitType.Section, "东山区市场监督管理局"),
                ("城南市场监管所", UnitType.Branch, "东山区市场监督管理局"),
            ],
            [
                new("fangz", "方正", "东山区市场监督管理局", "党组书记、局长", [Role.PartyGroupMember], true, true),
                new("yuh", "于红", "东山区市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
                new("shenj", "沈杰", "东山区市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
                new("leiq", "雷琴", "办公室", "办公室主任（党组秘书）", [Role.PartyGroupOffice], true),
                new("cuib", "崔斌", "机关纪委", "机关纪委书记", [Role.Investigator], true),
                new("panx", "潘欣", "机关党委", "机关党委副书记", [Role.PartyCommittee], true),
                new("wenz", "温哲", "城南市场监管所", "所长", [Role.Staff], true, true),
                new("taor", "陶然", "城南市场监管所", "产品质量监管执法人员", [Role.Staff]),
                new("dsadmin", "东山区局系统管理员", "", "", [Role.SystemAdmin]),
                new("dssec", "东山区局安全管理员", "", "", [Role.SecurityAdmin]),
                new("dsaudit", "东山区局审计管理员", "", "", [Role.AuditAdmin]),
            ],
            new("leiq", ["fangz", "yuh", "shenj"], "panx", "区局三楼会议室")),
    ];

    public static IEnumerable<DemoBureau> AllBureaus => Counties.Prepend(City);

    // The other bodies are named after the bureau, as for any bureau added on 本局信息.
    private static Bureau Names(string code, string name, string shortName, string guidanceGroup, BureauLevel level, int order) =>
        new BureauNames(name, shortName, null, null, null, null, guidanceGroup).NewBureau(code, level, null, order);

    /// <summary>Writes the bureaus (the counties under the city), fresh ids each time, and the roles every bureau's accounts use.</summary>
    private static async Task<IReadOnlyList<Bureau>> SeedBureausAsync(SafeHarborDb db, CancellationToken ct)
    {
        var city = Copy(City.Bureau, null);
        var bureaus = new List<Bureau> { city };
        bureaus.AddRange(Counties.Select(c => Copy(c.Bureau, city.Id)));
        db.Bureaus.AddRange(bureaus);
        foreach (var role in Enum.GetValues<Role>())
        {
            db.Roles.Add(new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = role.ToString(), NormalizedName = role.ToString().ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }
        await db.SaveChangesAsync(ct);
        return bureaus;

        static Bureau Copy(Bureau b, Guid? parent) => new()
        {
            Id = Guid.NewGuid(), Code = b.Code, Level = b.Level, ParentId = parent, SortOrder = b.SortOrder, Name = b.Name, ShortName = b.ShortName,
            PartyGroup = b.PartyGroup, Office = b.Office, Discipline = b.Discipline, PartyCommittee = b.PartyCommittee, GuidanceGroup = b.GuidanceGroup,
        };
    }

    private sealed partial class DemoScript
    {
        /// <summary>A county bureau's cases: one decided and fed back, one waiting for its party group, one just applied.</summary>
        public void WriteCounty(string code)
        {
            if (code == "qh-bh")
            {
                var scales = Register(30, "jiangt",
                    "城关所对首次使用未经检定电子秤的商户免罚后未按期回访",
                    "城关市场监管所在农贸市场计量专项检查中，对2户首次使用未经检定电子秤的商户依法不予处罚并责令送检，但未按约定在15日内回访核实，其中1户继续使用未送检电子秤被群众投诉。",
                    "计量", "局党组", "跟踪复查不到位", (SubjectKind.Person, "肖燕"));
                Apply(scales, 27, "xiaoy",
                    "本人依据首次轻微违法不予处罚清单作出不予处罚决定并当场责令送检。因同期承担春节市场保供检查，回访推迟了12天。",
                    "1户商户继续使用未送检电子秤9天，经复核短秤金额合计约40元，已全部退还消费者。",
                    "发现后当日责令停用并陪同送检，建立首违不罚回访台账，实行到期提醒。",
                    ("c1", "依法执行首次轻微违法不予处罚制度，并进行了教育引导。"),
                    ("c6", "发现问题后立即停用送检并退还消费者损失。"));
                Verify(scales, 24, "jiangt", StandardFindings(
                    ("c1", Verdict.Met, "不予处罚决定符合清单规定，有现场教育记录。"),
                    ("c6", Verdict.Met, "停用通知、检定证书和退款记录齐全。")));
                Report(scales, 20, "jiangt",
                    "经调查核实，肖燕同志依法执行首次轻微违法不予处罚制度，回访延迟系任务集中所致，损失已挽回，符合第四条第（一）、（六）项规定情形，建议予以容错免责。",
                    Outcome.Exempted);
                var meeting = Meeting(15, "2026年第七次党组会议");
                Decide(meeting, scales, 15, Outcome.Exempted,
                    "经集体研究，肖燕同志的失误发生在依法推行柔性执法过程中，已主动挽回损失，决定予以容错免责。");
                At(15, async () => await CloseMeeting.HandleAsync(meeting.Id, await As(Bodies.Office), runner, ct));
                Feedback(scales, 13, "经白河县市场监督管理局党组2026年第七次党组会议集体研究，认定肖燕同志予以容错免责。",
                    "请认真总结经验，完善首违不罚回访机制。", 12, "肖燕", "xiaoy", 11);

                var livestream = Register(6, "jiangt",
                    "城关所对直播带货虚假宣传仅作行政指导未立案",
                    "城关市场监管所在网络交易监测中发现辖区一家农产品网店直播中宣称“有机认证”，所长罗杰决定先行约谈指导，未立案调查，后被上级通报。",
                    "网络交易", "局党组", "行政指导替代处罚不当", (SubjectKind.Person, "罗杰"));
                Apply(livestream, 4, "luoj",
                    "本所考虑网店系返乡创业青年开办，首次违法且当即删除视频，采取约谈指导方式处理。",
                    "未发现消费者因此受损，但被市局通报。",
                    "已督促网店取得有机认证前不再使用相关宣传用语，并开展网店合规培训。",
                    ("c1", "执行了包容审慎监管和行政指导的有关规定。"));
                return;
            }

            var kettles = Register(20, "cuib",
                "城南所对电热水壶质量抽检不合格企业限期整改后复查流于形式",
                "城南市场监管所在产品质量监督抽查中发现1家小微企业生产的电热水壶耐热试验不合格，执法人员陶然给予限期整改指导，复查时仅查看企业自检报告，未抽样复检。",
                "产品质量", "局党组", "跟踪复查不到位", (SubjectKind.Person, "陶然"));
            Apply(kettles, 17, "taor",
                "本人考虑企业为新创办小微企业，采取行政指导帮助其整改。复查时企业提供了自检报告，本人未按要求抽样送检。",
                "不合格批次已售出约120台，未发生安全事故。",
                "已督促企业召回已售产品，并委托检验机构抽样复检合格。",
                ("c5", "为小微企业出谋划策，帮助其改进生产工艺。"),
                ("c6", "及时督促召回，消除了安全隐患。"));
            Verify(kettles, 14, "cuib", StandardFindings(
                ("c5", Verdict.Met, "有整改指导记录和企业证明。"),
                ("c6", Verdict.Met, "召回记录和复检报告证实。")));
            Report(kettles, 10, "cuib",
                "经调查核实，陶然同志帮扶小微企业整改，复查环节有疏漏，但已及时召回消除隐患，符合第四条第（五）、（六）项规定情形，建议予以容错免责。",
                Outcome.Exempted);

            Register(2, "cuib",
                "城南所对消费投诉调解超期未办结",
                "城南市场监管所受理一起预付卡消费投诉，因商家负责人外出，调解超过规定期限未办结，投诉人向区政府热线反映。",
                "消费者权益保护", "局党组", "执法程序瑕疵", (SubjectKind.Person, "温哲"));
        }
    }
}
