using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.AbuseReports;
using SafeHarbor.Features.Applications;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Matters;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

/// <summary>
/// A believable but fictional city bureau (青禾市市场监督管理局) with people in every role and cases at
/// every stage. Cases are made by running the real commands as the demo users on a simulated clock,
/// so their timelines and the audit chain are what the procedure itself writes.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Demo@2026";

    public sealed record DemoAccount(string UserName, string Name, string Unit, string Post, Role[] Roles, bool Leader = false, bool Team = false);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("zhoumy", "周明远", "青禾市市场监督管理局", "党组书记、局长", [Role.PartyGroupMember], true, true),
        new("lijh", "李建华", "青禾市市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
        new("wangsf", "王淑芬", "青禾市市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
        new("chenlx", "陈立新", "青禾市市场监督管理局", "党组成员、副局长", [Role.PartyGroupMember], true, true),
        new("zhaohf", "赵海峰", "青禾市市场监督管理局", "党组成员、总工程师", [Role.PartyGroupMember], true, true),
        new("sunxm", "孙晓梅", "办公室", "办公室主任（党组秘书）", [Role.PartyGroupOffice], true),
        new("liuzg", "刘振国", "机关纪委", "机关纪委书记", [Role.Investigator], true),
        new("qianyt", "钱雨婷", "机关纪委", "纪检干事", [Role.Investigator]),
        new("zhengw", "郑伟", "驻局纪检监察组", "驻局纪检监察组副组长", [Role.GuidanceGroup], true),
        new("wuj", "吴静", "机关党委", "机关党委专职副书记", [Role.PartyCommittee], true),
        new("huangl", "黄丽", "人事科", "人事科科长", [Role.Personnel], true),
        new("machao", "马超", "执法稽查科", "执法稽查科科长", [Role.PolicyOwner], true),
        new("zhangwd", "张卫东", "城东分局", "分局局长", [Role.Staff], true, true),
        new("hexf", "何晓峰", "城东分局", "食品安全监管股股长", [Role.Staff]),
        new("linj", "林静", "城东分局", "执法人员", [Role.Staff]),
        new("guoq", "郭强", "城西分局", "分局局长", [Role.Staff], true, true),
        new("yangf", "杨帆", "城西分局", "价格监管执法人员", [Role.Staff]),
        new("songj", "宋佳", "高新区分局", "分局局长", [Role.Staff], true, true),
        new("tangl", "唐亮", "高新区分局", "广告监管执法人员", [Role.Staff]),
        new("fengt", "冯涛", "综合行政执法支队", "支队长", [Role.Staff], true, true),
        new("xul", "许磊", "综合行政执法支队", "特种设备执法大队队员", [Role.Staff]),
        new("hanb", "韩冰", "青禾县市场监督管理局", "局长", [Role.Staff], true, true),
        new("caoy", "曹阳", "青禾县局城关市场监管所", "所长", [Role.Staff], true),
        new("sysadmin", "系统管理员", "", "", [Role.SystemAdmin]),
        new("secadmin", "安全管理员", "", "", [Role.SecurityAdmin]),
        new("auditadmin", "审计管理员", "", "", [Role.AuditAdmin]),
    ];

    private static readonly (string Name, UnitType Type, string? Parent)[] Units =
    [
        ("青禾市市场监督管理局", UnitType.Bureau, null),
        ("办公室", UnitType.Section, "青禾市市场监督管理局"),
        ("人事科", UnitType.Section, "青禾市市场监督管理局"),
        ("执法稽查科", UnitType.Section, "青禾市市场监督管理局"),
        ("食品经营安全监督管理科", UnitType.Section, "青禾市市场监督管理局"),
        ("特种设备安全监察科", UnitType.Section, "青禾市市场监督管理局"),
        ("价格监督检查和反不正当竞争科", UnitType.Section, "青禾市市场监督管理局"),
        ("广告监督管理科", UnitType.Section, "青禾市市场监督管理局"),
        ("计量科", UnitType.Section, "青禾市市场监督管理局"),
        ("登记注册科", UnitType.Section, "青禾市市场监督管理局"),
        ("机关纪委", UnitType.Section, "青禾市市场监督管理局"),
        ("机关党委", UnitType.Section, "青禾市市场监督管理局"),
        ("驻局纪检监察组", UnitType.Section, "青禾市市场监督管理局"),
        ("城东分局", UnitType.Branch, "青禾市市场监督管理局"),
        ("城西分局", UnitType.Branch, "青禾市市场监督管理局"),
        ("高新区分局", UnitType.Branch, "青禾市市场监督管理局"),
        ("综合行政执法支队", UnitType.Detachment, "青禾市市场监督管理局"),
        ("青禾县市场监督管理局", UnitType.CountyBureau, "青禾市市场监督管理局"),
        ("青禾县局城关市场监管所", UnitType.CountyBureau, "青禾县市场监督管理局"),
        ("市食品药品检验检测中心", UnitType.Affiliated, "青禾市市场监督管理局"),
        ("市特种设备检验所", UnitType.Affiliated, "青禾市市场监督管理局"),
    ];

    public static async Task<bool> IsSeededAsync(SafeHarborDb db, CancellationToken ct) =>
        await db.Users.IgnoreQueryFilters().AnyAsync(u => u.UserName == "zhoumy", ct);

    public static void PrintAccounts(TextWriter output)
    {
        output.WriteLine($"演示账号（密码均为 {Password}）：");
        foreach (var bureau in AllBureaus)
        {
            output.WriteLine($"  {bureau.Bureau.Name}（{bureau.Bureau.Code}）");
            foreach (var a in bureau.Accounts)
            {
                var where = a.Unit.Length > 0 ? $"{a.Unit} {a.Post}" : "";
                output.WriteLine($"    {a.UserName,-11} {a.Name,-6} {string.Join("、", a.Roles.Select(r => r.Chinese()))}  {where}");
            }
        }
    }

    /// <summary>
    /// Seeds an empty database with the city bureau and its two county bureaus; answers false and changes nothing
    /// when any bureau, unit or account exists.
    /// </summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SafeHarborDb>();
        if (await db.Bureaus.AnyAsync(ct) || await db.Units.IgnoreQueryFilters().AnyAsync(ct) || await db.Users.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        var policies = services.GetRequiredService<PolicyCatalog>();
        var realTime = services.GetRequiredService<TimeProvider>();
        var clock = new DemoClock(realTime.GetUtcNow());
        var runner = new CommandRunner(db, clock, services.GetRequiredService<WriteLock>(), policies, services.GetServices<ICaseStepHandler>());
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var today = ChinaClock.Today(realTime);

        var bureaus = await SeedBureausAsync(db, ct);
        foreach (var (demo, bureau) in AllBureaus.Zip(bureaus))
        {
            db.ScopeTo(bureau.Id);
            await SeedOrganisationAsync(db, users, runner, demo, ct);
            var script = new DemoScript(db, runner, calendar, services.GetRequiredService<ArchiveOptions>(), today, ct) { Bodies = demo.Bodies };
            if (demo == City)
            {
                script.Write();
            }
            else
            {
                script.WriteCounty(demo.Bureau.Code);
            }
            await script.PlayAsync(clock);
        }
        return true;
    }

    private static async Task SeedOrganisationAsync(SafeHarborDb db, UserManager<AppUser> users, CommandRunner runner, DemoBureau demo, CancellationToken ct)
    {
        await runner.RunAsync(Actor.System("演示数据"), async ctx =>
        {
            var units = new Dictionary<string, Unit>();
            var order = 0;
            foreach (var (name, type, parent) in demo.Units)
            {
                var unit = new Unit { Id = Guid.NewGuid(), Name = name, Type = type, ParentId = parent is null ? null : units[parent].Id, SortOrder = order++ };
                units[name] = unit;
                ctx.Db.Units.Add(unit);
            }
            await ctx.Db.SaveChangesAsync(ct);
            foreach (var a in demo.Accounts)
            {
                Person? person = null;
                if (a.Unit.Length > 0)
                {
                    person = new Person { Id = Guid.NewGuid(), Name = a.Name, UnitId = units[a.Unit].Id, Post = a.Post, IsLeader = a.Leader, InLeadershipTeam = a.Team };
                    ctx.Db.Persons.Add(person);
                    await ctx.Db.SaveChangesAsync(ct);
                }
                var user = new AppUser { Id = Guid.NewGuid(), UserName = a.UserName, DisplayName = a.Name, PersonId = person?.Id };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRolesAsync(user, a.Roles.Select(r => r.ToString())));
            }
            ctx.Audit("SeedDemoOrganisation", "Organisation", "demo", null, "演示数据", new { units = demo.Units.Length, accounts = demo.Accounts.Count });
            return true;
        }, ct);

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
            }
        }
    }

    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The demo cases as a script of dated steps, played in time order across all cases.</summary>
    private sealed partial class DemoScript(SafeHarborDb db, CommandRunner runner, WorkingDayCalendar calendar, ArchiveOptions archive, DateOnly today, CancellationToken ct)
    {
        private readonly List<(DateOnly Day, int Sequence, Func<Task> Run)> steps = [];
        private readonly Dictionary<string, Actor> actors = [];
        private int sequence;

        /// <summary>Who serves as the bureau's office, party group and party committee in the shared steps (the city's unless a county's script says otherwise).</summary>
        public DemoBodies Bodies { get; init; } = CityBodies;

        /// <summary>The date <paramref name="n"/> working days before today (0 is today when it is a working day).</summary>
        private DateOnly WorkingDaysAgo(int n)
        {
            var day = today;
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }
            for (var i = 0; i < n; i++)
            {
                do
                {
                    day = day.AddDays(-1);
                }
                while (!calendar.IsWorkingDay(day));
            }
            return day;
        }

        private void At(int workingDaysAgo, Func<Task> run) => steps.Add((WorkingDaysAgo(workingDaysAgo), sequence++, run));

        public async Task PlayAsync(DemoClock clock)
        {
            var minutes = 0;
            DateOnly? day = null;
            foreach (var step in steps.OrderBy(s => s.Day).ThenBy(s => s.Sequence))
            {
                minutes = step.Day == day ? minutes + 3 : 0;
                day = step.Day;
                // From 09:00 China time (01:00 UTC) on the step's day, a few minutes apart so the timeline reads in order.
                clock.Now = new DateTimeOffset(step.Day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero).AddMinutes(Math.Min(minutes, 420));
                await step.Run();
            }
        }

        private async Task<Actor> As(string userName)
        {
            if (!actors.TryGetValue(userName, out var actor))
            {
                var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
                actor = (await ActorLoader.LoadAsync(db, runner.Policies, id, ct))!;
                actors[userName] = actor;
            }
            return actor;
        }

        private async Task<Guid> PersonId(string name) => await db.Persons.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(ct);

        private async Task<Guid> UnitId(string name) => await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(ct);

        /// <summary>A case from registration up to the stage its scenario reaches.</summary>
        private sealed class DemoCase
        {
            public Guid Id { get; set; }
        }

        /// <summary>The work each demo matter arose in, by its field (Art. 7 compares field, work item and kind of error).</summary>
        private static readonly Dictionary<string, string> DemoWorkItems = new()
        {
            ["食品安全"] = "监督抽检", ["价格"] = "行政指导和约谈", ["特种设备"] = "特种设备安全监察", ["广告"] = "广告监测",
            ["登记注册"] = "行政许可", ["计量"] = "计量和标准化管理", ["知识产权"] = "行政处罚", ["药品"] = "日常监督检查",
            ["产品质量"] = "行政指导和约谈", ["网络交易"] = "日常监督检查", ["消费者权益保护"] = "投诉举报处理", ["标准化"] = "计量和标准化管理",
            ["综合执法"] = "行政处罚",
        };

        private DemoCase Register(int daysAgo, string registrar, string title, string description, string field, string startedBy, string errorKind, params (SubjectKind Kind, string Name)[] subjects)
        {
            var c = new DemoCase();
            At(daysAgo, async () =>
            {
                var list = new List<RegisterMatter.SubjectInput>();
                foreach (var (kind, name) in subjects)
                {
                    list.Add(new RegisterMatter.SubjectInput(kind, kind == SubjectKind.Person ? await PersonId(name) : await UnitId(name)));
                }
                var snapshot = await RegisterMatter.HandleAsync(
                    new RegisterMatter.Request(title, description, field, startedBy, WorkingDaysAgo(daysAgo), list, errorKind, DemoWorkItems.GetValueOrDefault(field, "其他")), await As(registrar), runner, calendar, ct);
                c.Id = snapshot.Id;
            });
            return c;
        }

        /// <summary>Refuses, with the reason, an application that waits because it came after a provisional deadline.</summary>
        private void DecideIfPending(DemoCase c, int daysAgo, string investigator, string reason) =>
            At(daysAgo, async () =>
            {
                if (await db.Cases.AnyAsync(x => x.Id == c.Id && x.Status == CaseStatus.TimelinessPending, ct))
                {
                    await DecideLateApplication.HandleAsync(c.Id, null, new DecideLateApplication.LateApplicationDecision(false, reason), await As(investigator), runner, ct);
                }
            });

        private void Apply(DemoCase c, int daysAgo, string applicant, string facts, string effect, string recovery, params (string Code, string Why)[] claims) =>
            At(daysAgo, async () => await SubmitApplication.HandleAsync(c.Id, null, new SubmitApplication.SubmitRequest(
                SubjectKind.Person, null, facts, effect, recovery, claims.Select(x => new ClaimInput(x.Code, x.Why)).ToList()), await As(applicant), runner, ct));

        private void ApplyAsUnit(DemoCase c, int daysAgo, string leader, string unit, string facts, string effect, string recovery, params (string Code, string Why)[] claims) =>
            At(daysAgo, async () => await SubmitApplication.HandleAsync(c.Id, null, new SubmitApplication.SubmitRequest(
                SubjectKind.Unit, await UnitId(unit), facts, effect, recovery, claims.Select(x => new ClaimInput(x.Code, x.Why)).ToList()), await As(leader), runner, ct));

        private void Verify(DemoCase c, int daysAgo, string investigator, params (string Code, Verdict Verdict, string Note)[] findings)
        {
            At(daysAgo, async () => await StartVerification.HandleAsync(c.Id, null, await As(investigator), runner, ct));
            foreach (var f in findings)
            {
                At(daysAgo, async () => await RecordFinding.HandleAsync(c.Id, null, f.Code, new RecordFinding.FindingRequest(f.Verdict, f.Note), await As(investigator), runner, ct));
            }
        }

        private static (string, Verdict, string)[] StandardFindings(params (string Code, Verdict Verdict, string Note)[] specific) =>
        [
            ("within-duties", Verdict.Met, "经调取执法记录和案卷，当事人系在职责范围内依法履职。"),
            ("bold-but-mistaken", Verdict.Met, "当事人为优化营商环境主动作为，失误系经验不足所致，主观上无故意。"),
            ("no-major-accident", Verdict.Met, "经核查未造成安全生产、食品安全等重大责任事故，未引发群体性事件和恶劣影响。"),
            ("no-improper-benefit", Verdict.Met, "经谈话、查阅往来记录，未发现为本人、他人或单位谋取不正当利益。"),
            ("no-abuse-as-cover", Verdict.Met, "未收到相关举报，未发现吃拿卡要、徇私舞弊、办人情案等情形。"),
            .. specific,
        ];

        private void Report(DemoCase c, int daysAgo, string investigator, string text, Outcome recommendation) =>
            At(daysAgo, async () => await SubmitReport.HandleAsync(c.Id, null, new SubmitReport.ReportInput(text, recommendation), await As(investigator), runner, ct));

        private sealed class DemoMeeting
        {
            public Guid Id { get; set; }
        }

        private DemoMeeting Meeting(int daysAgo, string title, bool everyonePresent = true)
        {
            var m = new DemoMeeting();
            At(daysAgo, async () =>
            {
                var office = await As(Bodies.Office);
                m.Id = await OpenMeeting.HandleAsync(new OpenMeeting.OpenRequest(title, WorkingDaysAgo(daysAgo), Bodies.MeetingRoom, null), office, runner, ct);
                var members = await db.Set<Meeting>().AsNoTracking().Where(x => x.Id == m.Id).SelectMany(x => x.Members).ToListAsync(ct);
                Guid? absent = everyonePresent ? null : members.Last().PersonId;
                await RecordAttendance.HandleAsync(m.Id, new RecordAttendance.AttendanceRequest(
                    members.Select(x => new RecordAttendance.AttendanceEntry(x.PersonId, x.PersonId != absent, x.PersonId == absent ? "外出参加省局培训" : null)).ToList()), office, runner, ct);
            });
            return m;
        }

        private void Decide(DemoMeeting m, DemoCase c, int daysAgo, Outcome outcome, string reasons, string? mitigation = null, string[]? dissent = null, string? departure = null)
        {
            At(daysAgo, async () =>
            {
                var office = await As(Bodies.Office);
                await ScheduleCase.HandleAsync(m.Id, c.Id, null, office, runner, ct);
                foreach (var member in Bodies.Members)
                {
                    var meeting = await db.Set<Meeting>().AsNoTracking().SingleAsync(x => x.Id == m.Id, ct);
                    var voter = await As(member);
                    if (!meeting.Members.Single(x => x.PersonId == voter.PersonId).Present)
                    {
                        continue;
                    }
                    var choice = dissent?.Contains(member) == true ? VoteChoice.Abstain : outcome.ToVote();
                    await CastVote.HandleAsync(m.Id, c.Id, new CastVote.VoteRequest(choice), voter, runner, ct);
                }
                await DecideCase.HandleAsync(m.Id, c.Id, null, new DecideCase.DecisionRequest(outcome, reasons, mitigation, departure), office, runner, ct);
            });
        }

        private void Feedback(DemoCase c, int issuedAgo, string result, string explanation, int? deliveredAgo, string recipient, string? acknowledgedBy, int ackAgo = 0)
        {
            At(issuedAgo, async () => await IssueFeedback.HandleAsync(c.Id, null, new IssueFeedback.IssueRequest(result, explanation), await As(Bodies.Office), runner, ct));
            if (deliveredAgo is { } d)
            {
                At(d, async () => await RecordDelivery.HandleAsync(c.Id, null, new RecordDelivery.DeliveryRequest(WorkingDaysAgo(d), "直接送达", recipient), await As(Bodies.Office), runner, ct));
            }
            if (acknowledgedBy is not null)
            {
                At(ackAgo, async () => await AcknowledgeFeedback.HandleAsync(c.Id, null, new AcknowledgeFeedback.AcknowledgeRequest("已收到认定结果通知书，无异议。"), await As(acknowledgedBy), runner, ct));
            }
        }

        private void Archive(DemoCase c, int daysAgo, string note) =>
            At(daysAgo, async () => await ArchiveCase.HandleAsync(c.Id, null, new ArchiveCase.ArchiveRequest("D30", note), await As(Bodies.Archivist), runner, archive, ct));

        public void Write()
        {
            // 1. Exempted, published and archived.
            var sampling = Register(62, "liuzg",
                "城东分局对首次轻微违法食品经营者不予处罚后抽检复查不及时",
                "城东分局在2025年食品安全专项检查中，对辖区3家首次轻微违法的小微食品经营者依法作出不予行政处罚决定并进行教育引导，但未按计划在30日内开展跟踪抽检复查，其中1家经营者的散装熟食在后续市级抽检中菌落总数超标。",
                "食品安全", "局党组", "跟踪复查不到位", (SubjectKind.Person, "何晓峰"));
            Apply(sampling, 58, "hexf",
                "本人作为食品安全监管股股长，依据《市场监管领域轻微违法行为不予处罚清单》对3家首次轻微违法经营者作出不予处罚决定，并开展了现场教育和整改指导。因同期承担节日市场保供检查任务，跟踪抽检复查延迟了18天。",
                "1家经营者一批次散装熟食菌落总数超标，涉及货值约600元，已全部下架销毁，未发生食源性疾病，未造成社会影响。",
                "发现问题后当日督促经营者下架召回，对3家经营者全部补做抽检，建立不予处罚案件跟踪复查台账，实行到期提醒。",
                ("c1", "严格执行市局柔性执法和包容审慎监管制度，对首次轻微违法依法不予处罚并教育引导。"),
                ("c6", "发现问题后立即督促下架召回，消除了风险隐患，未造成危害后果。"));
            Verify(sampling, 55, "liuzg", StandardFindings(
                ("c1", Verdict.Met, "不予处罚决定符合清单规定，程序完备，有现场教育记录。"),
                ("c6", Verdict.Met, "下架销毁记录、补检报告齐全，风险已消除。")));
            Report(sampling, 50, "liuzg",
                "经调查核实，何晓峰同志在推行柔性执法过程中依法作出不予处罚决定，跟踪复查延迟系工作任务集中所致，未造成食品安全事故，且及时采取措施消除了影响，符合第四条第（一）、（六）项规定情形，建议予以容错免责，同时督促建立复查台账。",
                Outcome.Exempted);
            var firstMeeting = Meeting(45, "2026年第九次党组会议");
            Decide(firstMeeting, sampling, 45, Outcome.Exempted,
                "经集体研究，何晓峰同志在依法推行柔性执法中出现的失误符合第四条第（一）、（六）项规定，未造成重大责任事故，未谋取不正当利益，决定予以容错免责。");
            At(45, async () => await CloseMeeting.HandleAsync(firstMeeting.Id, await As("sunxm"), runner, ct));
            Feedback(sampling, 43, "经局党组2026年第九次党组会议集体研究，认定何晓峰同志对首次轻微违法食品经营者不予处罚后抽检复查不及时一事予以容错免责。",
                "该失误发生在依法推行柔性执法过程中，已主动挽回损失、消除影响。依照第十一条，在党风廉政建设责任制考核、年度综合目标考核中免于扣分，在年度考核、评先表优中不作负面评价。请认真总结，建立健全跟踪复查机制。",
                42, "何晓峰", "hexf", 41);
            At(40, async () => await PublishResult.HandleAsync(sampling.Id, null, new PublishResult.PublishRequest(
                PublicationMethod.Circular, "全局各科室、各分局、综合支队", WorkingDaysAgo(40), "青市监党组通报〔2026〕3号"), await As("sunxm"), runner, ct));
            Archive(sampling, 38, "容错免责材料齐全，按规定存档。");

            // 2. Not exempted: a substantiated Art. 10 report that the "warning only" was a favour.
            var price = Register(40, "liuzg",
                "城西分局对涉嫌哄抬口罩价格的药店仅作提醒告诫未立案查处",
                "城西分局在价格专项检查中发现某连锁药店将口罩价格上调至进价的3倍，执法人员杨帆以柔性执法为由仅作口头提醒告诫，未依法立案调查，后被群众举报至12315。",
                "价格", "局党组", "行政指导替代处罚不当", (SubjectKind.Person, "杨帆"));
            Apply(price, 36, "yangf",
                "本人在检查中认为该药店系首次违法且主动降价，依照包容审慎监管理念作提醒告诫处理。",
                "群众举报后造成一定负面影响，药店已退还多收价款。",
                "已督促药店退还多收价款2360元，并在店内公示。",
                ("c1", "执行了市局包容审慎监管的有关规定。"));
            At(33, async () =>
            {
                var report = await RecordAbuseReport.HandleAsync(new RecordAbuseReport.RecordRequest(await PersonId("杨帆"), price.Id, AbuseKind.FavourCase,
                    "群众反映涉事药店负责人系执法人员杨帆的亲属，以“柔性执法”名义不予立案。", WorkingDaysAgo(33)), await As("liuzg"), runner, ct);
                await ConcludeAbuseReport.HandleAsync(report.Id, new ConcludeAbuseReport.ConcludeRequest(true,
                    "经核查，药店实际经营人系杨帆的表兄，杨帆未申请回避且未履行立案审批程序，举报属实。"), await As("liuzg"), runner, ct);
            });
            Verify(price, 33, "qianyt",
                ("within-duties", Verdict.NotMet, "价格违法行为达到立案标准，未经审批即作告诫处理，不符合依法依规履职要求。"),
                ("bold-but-mistaken", Verdict.NotMet, "当事人与药店经营人有亲属关系，不属于主观上勇于担当。"),
                ("no-major-accident", Verdict.Met, "未造成重大责任事故。"),
                ("no-improper-benefit", Verdict.NeedsJudgement, "未发现收受财物，但为亲属经营的药店免于立案，是否属为他人谋取不正当利益需集体研判。"),
                ("no-abuse-as-cover", Verdict.NotMet, "举报经查属实，属于打着柔性执法旗号办人情案。"),
                ("c1", Verdict.NotMet, "相关制度不适用于达到立案标准的价格违法行为。"));
            Report(price, 30, "qianyt",
                "经调查核实，杨帆同志以柔性执法为名对亲属经营的药店不予立案，属于第十条禁止的办人情案行为，不符合容错免责条件，建议不予容错免责，并移交相关部门依规处理。",
                Outcome.NotExempted);
            var secondMeeting = Meeting(27, "2026年第十一次党组会议", everyonePresent: false);
            Decide(secondMeeting, price, 27, Outcome.NotExempted,
                "经集体研究，杨帆同志的行为属于第十条规定的严禁情形，不符合第四条规定的容错免责条件，决定不予容错免责。");
            Feedback(price, 25, "经局党组2026年第十一次党组会议集体研究，认定杨帆同志对涉嫌哄抬价格药店仅作提醒告诫一事不予容错免责。",
                "经查，涉事药店实际经营人系您的亲属，您未申请回避且未履行立案审批程序，属于第十条禁止的情形。如有异议，可在收到本通知之日起按规定提出。",
                24, "杨帆", "yangf", 23);

            // 3. Mitigated handling (Art. 11(5)); feedback issued, not yet delivered.
            var boiler = Register(30, "sunxm",
                "综合支队对未办理使用登记的锅炉责令改正后复查不到位",
                "综合行政执法支队在特种设备专项检查中发现某食品厂1台燃气锅炉未办理使用登记，执法队员许磊责令限期改正并给予指导，但复查时仅查看了企业提交的材料，未到现场核实，企业实际仍在违规使用。",
                "特种设备", "局党组", "跟踪复查不到位", (SubjectKind.Person, "许磊"));
            Apply(boiler, 27, "xul",
                "本人考虑企业生产旺季停炉影响订单，给予15日改正期并上门指导办理登记。复查时企业提交了受理回执，本人未到现场核实。",
                "锅炉在未登记状态下继续运行22天，期间未发生事故。",
                "发现后立即责令停用，协调检验机构3日内完成检验，企业已办结使用登记。",
                ("c5", "为企业出谋划策，指导其办理登记，兼顾了企业生产。"),
                ("c6", "发现问题后立即责令停用，有效阻止了危害结果发生。"));
            Verify(boiler, 24, "liuzg", StandardFindings(
                ("c5", Verdict.Met, "有上门指导记录和企业证明。"),
                ("c6", Verdict.Met, "停用通知书和检验报告证实。"),
                ("c3", Verdict.NotMet, "复查未到现场，不符合特种设备安全监察程序要求。")));
            Report(boiler, 20, "liuzg",
                "经调查核实，许磊同志主动为企业解决困难，但复查环节未按程序到现场核实，存在一定过失。鉴于未造成事故且及时纠正，建议从轻处理。",
                Outcome.Mitigated);
            var thirdMeeting = Meeting(15, "2026年第十三次党组会议");
            Decide(thirdMeeting, boiler, 15, Outcome.Mitigated,
                "经集体研究，许磊同志复查程序存在过失，但系为企业解决实际困难，且及时消除了隐患，决定从轻处理。",
                "免予党纪政务处分，由支队进行提醒谈话，年度考核不作负面评价。",
                departure: "系统建议予以容错免责，但复查程序存在过失，集体研究采纳调查报告意见，从轻处理。");
            Feedback(boiler, 13, "经局党组2026年第十三次党组会议集体研究，认定对许磊同志从轻处理：免予党纪政务处分，进行提醒谈话。",
                "您在为企业解决困难中出现复查程序过失，鉴于及时纠正、未造成事故，依照第十一条第（五）项从轻处理。", null, "", null);

            // 4. Refused as late (不予受理).
            var advert = Register(16, "liuzg",
                "高新区分局对医疗美容机构违法广告仅责令删除未予处罚",
                "高新区分局在网络广告监测中发现某医疗美容机构在公众号发布含有“零风险”“无痛”等内容的违法广告，执法人员唐亮责令删除后未立案处罚。",
                "广告", "局党组", "行政指导替代处罚不当", (SubjectKind.Person, "唐亮"));
            Apply(advert, 3, "tangl",
                "本人认为该机构系首次违法且已主动删除，作出提醒告诫处理。",
                "未造成消费者损害，但被上级通报。",
                "已督促该机构全面自查广告内容。",
                ("c1", "执行了首次轻微违法提醒告诫制度。"));
            // In a year whose holiday notice is not out the deadline is 暂定 and the late application waits: 局机关纪委 decides.
            DecideIfPending(advert, 2, "liuzg",
                "申请于启动问责程序后第十三个工作日提出，无论当年调休如何安排，均已超过七个工作日的申请期限，决定不予受理。");

            // 5. Withdrawn by the applicant unit during verification.
            var registry = Register(26, "sunxm",
                "青禾县局城关所在企业登记中容缺受理后补正材料审核把关不严",
                "青禾县局城关市场监管所推行企业登记容缺受理，对1家企业容缺受理后，补正的住所证明材料存在瑕疵未被发现，导致登记信息与实际不符。",
                "登记注册", "局党组", "审核把关不严", (SubjectKind.Unit, "青禾县市场监督管理局"));
            ApplyAsUnit(registry, 22, "hanb", "青禾县市场监督管理局",
                "我局城关所依据容缺受理制度为企业办理登记，补正材料审核中未发现住所证明瑕疵。",
                "登记信息与实际住所不符，已由企业申请变更，未造成损失。",
                "已督促企业办理住所变更登记，并组织全局登记窗口人员开展业务培训。",
                ("c1", "执行了市局关于容缺受理的制度规定。"),
                ("c2", "容缺受理有利于优化营商环境。"));
            At(20, async () => await StartVerification.HandleAsync(registry.Id, null, await As("qianyt"), runner, ct));
            At(18, async () => await WithdrawApplication.HandleAsync(registry.Id, null, new WithdrawApplication.WithdrawRequest(
                "经核实，上级已决定不再追究相关责任，问责程序终止，申请撤回。"), await As("hanb"), runner, ct));

            // 6. A repeat of case 1: the same person, the same field, the same kind of failure.
            var again = Register(6, "liuzg",
                "城东分局对首次轻微违法食品经营者不予处罚后再次未按时抽检复查",
                "城东分局何晓峰对辖区2家首次轻微违法的小微食品经营者作出不予行政处罚决定后，再次未按计划开展跟踪抽检复查，其中1家经营者的散装熟食抽检不合格。",
                "食品安全", "局党组", "跟踪复查不到位", (SubjectKind.Person, "何晓峰"));
            Apply(again, 3, "hexf",
                "本人依据不予处罚清单对2家经营者作出不予处罚决定，因人手紧张，跟踪抽检复查再次延迟。",
                "1家经营者一批次散装熟食抽检不合格，已下架，未造成食源性疾病。",
                "已下架问题产品，补做抽检，并调整股室人员分工。",
                ("c1", "依法执行首次轻微违法不予处罚制度。"),
                ("c6", "及时下架问题产品，消除风险。"));

            // 7. Awaiting application, due within two working days.
            Register(5, "liuzg",
                "城东分局对集贸市场电子计价秤强制检定督促不力",
                "城东分局在集贸市场计量专项检查中，对未按期强制检定的电子计价秤采取限期送检的柔性措施，但未跟踪落实，部分计价秤超期使用被媒体曝光。",
                "计量", "局党组", "跟踪复查不到位", (SubjectKind.Person, "林静"));

            // 8. Awaiting application, just registered, a unit as subject.
            Register(0, "sunxm",
                "综合支队对商标侵权案件适用首违不罚后当事人再次违法",
                "综合行政执法支队对某小商品店销售侵犯注册商标专用权商品的行为适用首违不罚，3个月后该店再次销售同类侵权商品。",
                "知识产权", "局党组", "首违不罚适用不当", (SubjectKind.Unit, "综合行政执法支队"));

            // 9. Under verification, with guidance asked for and more material requested.
            var drug = Register(14, "liuzg",
                "城关所对药店处方药销售登记不规范予以指导整改后未复查",
                "青禾县局城关市场监管所对辖区药店处方药销售登记不规范问题以指导整改为主，未跟踪复查，后在省局飞行检查中被发现仍未整改到位。",
                "药品", "局党组", "跟踪复查不到位", (SubjectKind.Person, "曹阳"));
            Apply(drug, 11, "caoy",
                "本所对8家药店处方药销售登记不规范问题采取约谈指导、限期整改方式，因人员调整未按期复查。",
                "2家药店仍存在登记不规范问题，被省局通报。",
                "已对8家药店全部复查，2家药店已立案查处，建立整改销号台账。",
                ("c1", "执行了柔性执法、包容审慎监管制度。"),
                ("c6", "已全部复查整改，消除了不良影响。"));
            Verify(drug, 9, "qianyt",
                ("within-duties", Verdict.Met, "属于所长职责范围内的监管工作。"),
                ("no-major-accident", Verdict.Met, "未发生用药安全事故。"));
            At(8, async () => await RequestGuidance.HandleAsync(drug.Id, null, new RequestGuidance.GuidanceRequestInput(
                "被省局通报是否属于第四条所称“恶劣影响”？请予指导。"), await As("qianyt"), runner, ct));
            At(7, async () => await RequestSupplement.HandleAsync(drug.Id, null, new RequestSupplement.SupplementRequestInput(
                "请补充8家药店的约谈指导记录、限期整改通知书及复查记录。", 5), await As("qianyt"), runner, calendar, ct));

            // 10. Report submitted, waiting to be scheduled.
            var quality = Register(20, "liuzg",
                "城西分局对小作坊产品质量问题以行政指导代替处罚",
                "城西分局对2家生产不合格塑料制品的家庭小作坊以行政指导方式责令整改，未依法予以处罚，分局局长郭强审批同意。",
                "产品质量", "局党组", "行政指导替代处罚不当", (SubjectKind.Person, "郭强"));
            Apply(quality, 16, "guoq",
                "本人审批同意对2家小作坊采取行政指导，考虑其规模小、系初次违法、主动停产整改。",
                "不合格产品已全部召回，未流入市场造成损害。",
                "已督促2家小作坊完成整改并通过复检。",
                ("c2", "法律法规对小作坊首次违法未明令禁止行政指导，有利于稳定就业。"),
                ("c6", "督促召回全部不合格产品，有效阻止危害结果发生。"));
            Verify(quality, 14, "liuzg", StandardFindings(
                ("c2", Verdict.NeedsJudgement, "《产品质量法》对生产不合格产品有明确处罚规定，是否属“无明确规定”需研判。"),
                ("c6", Verdict.Met, "召回记录和复检报告齐全。")));
            At(12, async () => await RequestGuidance.HandleAsync(quality.Id, null, new RequestGuidance.GuidanceRequestInput(
                "对初次违法小作坊以行政指导代替处罚，是否可认定为第四条第（二）项情形？"), await As("liuzg"), runner, ct));
            At(11, async () =>
            {
                var request = await db.Set<GuidanceRequest>().AsNoTracking().SingleAsync(g => g.CaseId == quality.Id, ct);
                await ReplyGuidance.HandleAsync(quality.Id, null, request.Id, new ReplyGuidance.GuidanceReplyInput(
                    "第四条第（二）项以法律法规没有明令禁止为前提，本案是否适用请结合第（六）项综合把握，由局党组集体研究决定。"), await As("zhengw"), runner, ct);
            });
            Report(quality, 9, "liuzg",
                "经调查核实，郭强同志审批行政指导出于稳就业考虑，产品已全部召回，符合第四条第（六）项情形，第（二）项是否适用请党组研判。建议予以容错免责。",
                Outcome.Exempted);

            // 11. On the agenda of an open meeting; three of five members have voted.
            var online = Register(18, "liuzg",
                "高新区分局对网络交易平台内经营者资质核验指导不到位",
                "高新区分局推行网络交易平台“免罚清单”，对平台内经营者资质核验以指导为主，1家未取得许可的经营者在平台销售保健食品。",
                "网络交易", "局党组", "审核把关不严", (SubjectKind.Unit, "高新区分局"));
            ApplyAsUnit(online, 15, "songj", "高新区分局",
                "我局推行网络交易领域包容审慎监管，对平台经营者资质核验以行政指导为主。",
                "1家无证经营者销售保健食品，货值约3000元，未造成消费者健康损害。",
                "已责令平台下架并对该经营者立案查处，组织平台开展资质全面核验。",
                ("c1", "执行市局网络交易包容审慎监管措施。"),
                ("c5", "主动为平台企业出谋划策，完善资质核验机制。"));
            Verify(online, 13, "qianyt", StandardFindings(
                ("c1", Verdict.Met, "有市局文件依据。"),
                ("c5", Verdict.Met, "平台出具情况说明，资质核验机制已完善。")));
            Report(online, 10, "qianyt",
                "经调查核实，高新区分局在推行包容审慎监管中出现失误，符合第四条第（一）、（五）项规定，建议予以容错免责。",
                Outcome.Exempted);
            var openMeeting = Meeting(1, "2026年第十五次党组会议");
            At(1, async () =>
            {
                var office = await As("sunxm");
                await ScheduleCase.HandleAsync(openMeeting.Id, online.Id, null, office, runner, ct);
                foreach (var member in new[] { "zhoumy", "lijh", "wangsf" })
                {
                    await CastVote.HandleAsync(openMeeting.Id, online.Id, new CastVote.VoteRequest(VoteChoice.Exempted), await As(member), runner, ct);
                }
            });

            // 12. Decided, waiting for the written feedback.
            var consumer = Register(24, "sunxm",
                "综合支队对消费纠纷调解中经营者承诺整改未跟踪",
                "综合行政执法支队在处理一起预付卡消费投诉时，以调解方式促成经营者承诺退款整改，未跟踪落实，经营者后关门停业，20余名消费者未获退款。",
                "消费者权益保护", "局党组", "调解承诺未跟踪", (SubjectKind.Person, "冯涛"));
            Apply(consumer, 21, "fengt",
                "本人组织调解促成经营者书面承诺退款，因经营者突然停业，未能跟踪落实。",
                "20余名消费者预付款约4.6万元未获退还，引发集体投诉。",
                "已协调街道、公安介入，追回部分款项，并向法院移送线索。",
                ("c5", "为化解纠纷主动作为，促成调解。"));
            Verify(consumer, 19, "liuzg", StandardFindings(
                ("c5", Verdict.Met, "调解记录、经营者书面承诺书齐全。")));
            Report(consumer, 17, "liuzg",
                "经调查核实，冯涛同志调解中主动作为，但未建立跟踪机制，造成消费者损失未能挽回，引发集体投诉，建议从轻处理。",
                Outcome.Mitigated);
            Decide(thirdMeeting, consumer, 15, Outcome.Mitigated,
                "经集体研究，冯涛同志在化解消费纠纷中主动作为，但跟踪落实不到位造成一定损失，决定从轻处理。",
                "给予批评教育，责令支队建立调解承诺跟踪台账。",
                departure: "系统建议予以容错免责，但消费者损失未能挽回并引发集体投诉，集体研究采纳调查报告意见，从轻处理。");
            At(15, async () => await CloseMeeting.HandleAsync(thirdMeeting.Id, await As("sunxm"), runner, ct));

            // 13. Exempted and published by a written circular, not yet filed.
            var standard = Register(35, "liuzg",
                "城东分局对企业标准自我声明公开抽查发现问题以指导代替处罚",
                "城东分局在企业标准自我声明公开“双随机”抽查中，发现5家小微企业公开的标准编号有误，采取行政指导方式督促更正，未予处罚，其中1家企业逾期未更正被上级抽查发现。",
                "标准化", "局党组", "跟踪复查不到位", (SubjectKind.Person, "林静"));
            Apply(standard, 32, "linj",
                "本人对5家企业采取行政指导督促更正，4家按期更正，1家因负责人外出逾期未更正，本人跟进不及时。",
                "1家企业标准信息公开错误持续约1个月，未造成质量安全问题。",
                "已督促该企业更正，对5家企业建立标准公开指导台账。",
                ("c1", "执行了市局包容审慎监管措施，对初次轻微问题以指导为主。"),
                ("c5", "主动指导企业规范标准公开，帮助企业解决实际问题。"));
            Verify(standard, 30, "qianyt", StandardFindings(
                ("c1", Verdict.Met, "有市局包容审慎监管清单依据。"),
                ("c5", Verdict.Met, "有指导记录和企业反馈。")));
            Report(standard, 28, "qianyt",
                "经调查核实，林静同志在推行包容审慎监管中跟进不及时，未造成危害后果，符合第四条第（一）、（五）项，建议予以容错免责。",
                Outcome.Exempted);
            Decide(secondMeeting, standard, 27, Outcome.Exempted,
                "经集体研究，林静同志的失误发生在推行包容审慎监管过程中，符合第四条第（一）、（五）项规定，决定予以容错免责。");
            At(27, async () => await CloseMeeting.HandleAsync(secondMeeting.Id, await As("sunxm"), runner, ct));
            Feedback(standard, 25, "经局党组2026年第十一次党组会议集体研究，认定林静同志对企业标准自我声明公开问题以指导代替处罚一事予以容错免责。",
                "依照第十一条，在年度考核、评先表优中不作负面评价。请加强跟踪问效。", 24, "林静", "linj", 23);
            At(22, async () => await PublishResult.HandleAsync(standard.Id, null, new PublishResult.PublishRequest(
                PublicationMethod.Meeting, "城东分局全体干部职工大会", WorkingDaysAgo(22), "城东分局2026年第三季度干部大会"), await As("sunxm"), runner, ct));

            // 14. Under verification: some findings recorded, others still open.
            var nightMarket = Register(9, "sunxm",
                "城东分局在夜市流动摊贩包容审慎监管中执法文书送达程序瑕疵",
                "城东分局对夜市流动摊贩实行“首违不罚+教育引导”，但部分责令改正通知书未经当事人签收即归档，被当事人以程序违法为由申请行政复议。",
                "综合执法", "局党组", "执法文书不规范", (SubjectKind.Person, "张卫东"));
            Apply(nightMarket, 6, "zhangwd",
                "本人作为分局局长，组织对夜市摊贩推行首违不罚，因夜间执法条件所限，部分文书送达不规范，本人审核把关不严。",
                "1起行政复议，复议机关以送达程序瑕疵为由确认违法，未撤销处理决定，未造成经济损失。",
                "已组织全分局开展执法文书送达专题培训，推行电子送达。",
                ("c1", "执行市局首违不罚、教育引导的柔性执法制度。"),
                ("c5", "为夜市摊贩规范经营出谋划策，稳定了夜市经济。"));
            Verify(nightMarket, 4, "liuzg",
                ("within-duties", Verdict.Met, "属于分局职责范围内的日常监管。"),
                ("bold-but-mistaken", Verdict.Met, "推行首违不罚有利于夜市经济，失误系夜间执法条件所限。"),
                ("no-improper-benefit", Verdict.Met, "未发现谋取不正当利益。"));

            // After the decision (Art. 8–13): each feature adds its part of the demo in its own file.
            WriteCorrection(sampling, standard);
            WritePrevention();
            WriteAssessment();
            WriteIncentives();
        }

        partial void WriteCorrection(DemoCase exempted, DemoCase published);

        partial void WritePrevention();

        partial void WriteAssessment();

        partial void WriteIncentives();
    }
}
