using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

public static partial class DemoData
{
    /// <summary>
    /// Art. 12 in the demo: the personnel section's two schemes (分局执法人员, 机关科室人员), the quarterly (平时) assessment of
    /// the quarter in which 何晓峰's matter was exempted, closed once that quarter is over, and this year's annual assessment
    /// with grades. 何晓峰's record shows that a deduction for his exempted matter was refused (Art. 11) and that he was
    /// deducted for another issue instead; 杨帆 is deducted for his matter that was not exempted.
    /// </summary>
    private sealed partial class DemoScript
    {
        /// <summary>Enforcement staff who do not use the system themselves, so that the branches have the size the 优秀 quota needs.</summary>
        private static readonly (string Name, string Unit, string Post)[] AssessedStaff =
        [
            ("周敏", "城东分局", "特种设备监管执法人员"),
            ("吴海涛", "城东分局", "综合执法股执法人员"),
            ("郑丽娟", "城东分局", "登记注册窗口工作人员"),
            ("王磊", "城东分局", "计量监管执法人员"),
            ("陈晨", "城西分局", "食品安全监管执法人员"),
            ("刘洋", "城西分局", "综合执法股执法人员"),
            ("赵雪", "城西分局", "消费者权益保护工作人员"),
        ];

        /// <summary>Each person's level (about their total out of 100) in the quarter and in the year.</summary>
        private static readonly (string Name, decimal Quarter, decimal Year)[] BranchLevels =
        [
            ("张卫东", 94, 93), ("林静", 92.5m, 94.5m), ("周敏", 91, 90), ("吴海涛", 88, 89.5m), ("何晓峰", 89, 90.5m), ("郑丽娟", 84, 86), ("王磊", 79, 82.5m),
            ("郭强", 90.5m, 91), ("杨帆", 86, 86), ("陈晨", 91.5m, 92), ("刘洋", 87, 88), ("赵雪", 93, 95),
            ("宋佳", 92, 92.5m), ("唐亮", 86, 85.5m), ("冯涛", 85, 84), ("许磊", 83, 85),
        ];

        private static readonly (string Name, decimal Year)[] SectionLevels =
        [
            ("黄丽", 91), ("马超", 90), ("孙晓梅", 88), ("刘振国", 89), ("钱雨婷", 87.5m), ("吴静", 86),
        ];

        partial void WriteAssessment()
        {
            var schemes = new Dictionary<string, Guid>();
            At(44, async () =>
            {
                await runner.RunAsync(Actor.System("演示数据"), async ctx =>
                {
                    foreach (var (name, unit, post) in AssessedStaff)
                    {
                        var unitId = await ctx.Db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync(ct);
                        ctx.Db.Persons.Add(new Person { Id = Guid.NewGuid(), Name = name, UnitId = unitId, Post = post });
                    }
                    ctx.Audit("SeedDemoStaff", "Organisation", "demo-assessment", null, "演示数据", new { persons = AssessedStaff.Select(s => $"{s.Unit} {s.Name}") });
                    return true;
                }, ct);
                var personnel = await As("huangl");
                schemes["branch"] = (await CreateScheme.HandleAsync(new CreateScheme.Request(
                    "分局执法人员考核方案", [UnitType.Branch, UnitType.Detachment], null, false,
                    [
                        new("K1", "政治素质", 15, "理想信念坚定，遵守政治纪律和政治规矩，廉洁自律"),
                        new("K2", "依法履职", 30, "执法办案数量与质量、案卷评查结果、执法程序规范"),
                        new("K3", "柔性执法与营商环境", 20, "落实包容审慎监管、首违不罚、行政指导，市场主体满意度"),
                        new("K4", "工作作风", 15, "服务态度、纪律作风、群众评议和投诉情况"),
                        new("K5", "重点工作", 20, "专项整治和年度重点任务完成情况"),
                    ],
                    90, 75, 60, 20, null), personnel, runner, ct)).Id;
                schemes["section"] = (await CreateScheme.HandleAsync(new CreateScheme.Request(
                    "机关科室人员考核方案", [UnitType.Section], null, false,
                    [
                        new("J1", "政治品德", 20, "政治立场、思想品德、职业道德"),
                        new("J2", "业务能力", 20, "政策理论水平、业务知识、统筹协调能力"),
                        new("J3", "工作作风", 15, "服务基层和执法一线、工作纪律"),
                        new("J4", "工作实绩", 35, "科室职责和年度目标任务完成情况"),
                        new("J5", "廉洁自律", 10, "遵守中央八项规定精神和廉洁从政规定"),
                    ],
                    90, 75, 60, 20, null), personnel, runner, ct)).Id;
            });

            // The regular assessment of the quarter in which 何晓峰's matter was exempted, after that quarter ends.
            var decidedOn = WorkingDaysAgo(45);
            var quarter = (decidedOn.Month - 1) / 3 + 1;
            var quarterEnd = new DateOnly(decidedOn.Year, quarter * 3, 1).AddMonths(1).AddDays(-1);
            var quarterDay = quarterEnd < today ? DaysAgoOf(AfterWorkingDays(quarterEnd, 6)) : null;
            var quarterOver = quarterDay is { } q && q > 3;
            var quarterAgo = quarterOver ? quarterDay!.Value : 3;
            var quarterly = new DemoPeriod();
            At(quarterAgo, async () =>
            {
                var personnel = await As("huangl");
                quarterly.Id = await CreatePeriod.HandleAsync(new CreatePeriod.Request(PeriodKind.Quarterly, decidedOn.Year, quarter, null), personnel, runner, ct);
                foreach (var (name, level, _) in BranchLevels)
                {
                    await AssessAsync(quarterly.Id, name, level, null, personnel);
                }
                await ExemptedMatterNotDeductedAsync(quarterly.Id, personnel, 1, "执法文书送达回证填写不规范，在本季度案卷评查中被通报。");
                await FinaliseGrades.HandleAsync(quarterly.Id, personnel, runner, ct);
            });
            if (quarterOver)
            {
                At(quarterAgo - 1, async () => await ClosePeriod.HandleAsync(quarterly.Id, await As("huangl"), runner, ct));
            }

            // This year's annual assessment: scored and graded, not yet closed.
            At(2, async () =>
            {
                var personnel = await As("huangl");
                var annual = await CreatePeriod.HandleAsync(new CreatePeriod.Request(PeriodKind.Annual, today.Year, null, null), personnel, runner, ct);
                foreach (var (name, _, level) in BranchLevels)
                {
                    await AssessAsync(annual, name, level, name == "林静"
                        ? "全年执法办案质量较高。其“企业标准自我声明公开”事项已予容错免责，依第十一条第（四）项在年度考核中不作负面评价。"
                        : null, personnel);
                }
                foreach (var (name, level) in SectionLevels)
                {
                    await AssessAsync(annual, name, level, null, personnel);
                }
                await ExemptedMatterNotDeductedAsync(annual, personnel, 0.5m, "年度执法案卷评查中1份案卷证据目录不完整。");
                var yang = await PersonId("杨帆");
                var price = (await db.Cases.AsNoTracking().Where(c => c.Subjects.Any(s => s.PersonId == yang)).ToListAsync(ct))
                    .First(c => c.Decision is { Outcome: Outcome.NotExempted });
                var yangAssessment = await AssessmentIdAsync(annual, yang);
                await AddDeduction.HandleAsync(yangAssessment, null, new AddDeduction.Request(5,
                    "对亲属经营的药店以柔性执法为名不予立案，经局党组认定不予容错免责（第十条）。", price.Id), personnel, runner, ct);
                await FinaliseGrades.HandleAsync(annual, personnel, runner, ct);
            });
        }

        private sealed class DemoPeriod
        {
            public Guid Id { get; set; }
        }

        /// <summary>
        /// 何晓峰: a deduction for his exempted matter is tried and refused (Art. 11); he is deducted for another issue instead,
        /// and the comment keeps what the system answered.
        /// </summary>
        private async Task ExemptedMatterNotDeductedAsync(Guid periodId, Actor personnel, decimal points, string otherIssue)
        {
            var he = await PersonId("何晓峰");
            var exempted = (await db.Cases.AsNoTracking().Where(c => c.Subjects.Any(s => s.PersonId == he)).ToListAsync(ct))
                .OrderBy(c => c.Number, StringComparer.Ordinal).First(c => c.Decision is { Outcome: Outcome.Exempted });
            var id = await AssessmentIdAsync(periodId, he);
            string refusal;
            try
            {
                await AddDeduction.HandleAsync(id, null, new AddDeduction.Request(2, "跟踪抽检复查不及时，1家经营者散装熟食抽检不合格。", exempted.Id), personnel, runner, ct);
                throw new InvalidOperationException($"the deduction for the exempted matter {exempted.Number} was accepted");
            }
            catch (DomainException e) when (e.Code == "exempted-matter")
            {
                refusal = e.Message;
            }
            await AddDeduction.HandleAsync(id, null, new AddDeduction.Request(points, otherIssue, null), personnel, runner, ct);
            var current = await AssessmentQueries.GetAsync(db, id, ct);
            await UpdateAssessment.HandleAsync(id, current.Version, new UpdateAssessment.Request(
                current.Scores.Select(s => new CreateAssessment.ScoreInput(s.Code, s.Score)).ToList(),
                $"拟就事项 {exempted.Number} 扣分，系统未予登记：{refusal} 另就其他问题扣分。"), personnel, runner, ct);
        }

        private async Task AssessAsync(Guid periodId, string name, decimal level, string? comment, Actor personnel)
        {
            var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Name == name, ct);
            var scheme = await Schemes.ForPersonAsync(db, person, ct);
            await CreateAssessment.HandleAsync(periodId, new CreateAssessment.Request(person.Id, DemoScores(scheme, level), comment), personnel, runner, ct);
        }

        private async Task<Guid> AssessmentIdAsync(Guid periodId, Guid personId) =>
            await db.Set<PersonAssessment>().Where(a => a.PeriodId == periodId && a.PersonId == personId).Select(a => a.Id).SingleAsync(ct);

        /// <summary>Scores near <paramref name="level"/> per cent of each indicator's maximum, in half points, a little uneven as real scores are.</summary>
        private static List<CreateAssessment.ScoreInput> DemoScores(AssessmentScheme scheme, decimal level)
        {
            decimal[] unevenness = [0.5m, -0.5m, 0, 0.5m, -0.5m];
            return scheme.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select((indicator, i) =>
            {
                var raw = indicator.MaxScore * level / 100 + unevenness[i % unevenness.Length];
                var halves = Math.Round(raw * 2, MidpointRounding.AwayFromZero) / 2;
                return new CreateAssessment.ScoreInput(indicator.Code, Math.Clamp(halves, 0, indicator.MaxScore));
            }).ToList();
        }

        /// <summary>The working day <paramref name="n"/> working days after <paramref name="day"/>.</summary>
        private DateOnly AfterWorkingDays(DateOnly day, int n)
        {
            for (var i = 0; i < n; i++)
            {
                do
                {
                    day = day.AddDays(1);
                }
                while (!calendar.IsWorkingDay(day));
            }
            return day;
        }

        /// <summary>How many working days before today <paramref name="day"/> is; null when it is not before today.</summary>
        private int? DaysAgoOf(DateOnly day)
        {
            if (day >= today)
            {
                return null;
            }
            var n = 0;
            while (WorkingDaysAgo(n) > day)
            {
                n++;
            }
            return n;
        }
    }
}
