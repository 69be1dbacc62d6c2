using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Matters;

/// <summary>Registers an accountability matter (问责事项): the trigger of the procedure and of the application window.</summary>
[Article("5(1)")]
public static class RegisterMatter
{
    public sealed record SubjectInput(SubjectKind Kind, Guid Id);

    public sealed record Request(
        string? Title,
        string? Description,
        string? BusinessField,
        string? StartedBy,
        DateOnly? AccountabilityStartedOn,
        IReadOnlyList<SubjectInput>? Subjects,
        string? ErrorKind = null,
        string? WorkItem = null);

    public static IEndpointRouteBuilder MapMatters(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases", async (Request request, HttpContext http, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
                HttpVersioning.WithVersion(await HandleAsync(request, actor, runner, calendar, ct), http, StatusCodes.Status201Created))
            .RequireAuthorization()
            .WithTags("问责事项")
            .WithSummary("登记问责事项（开始计算申请期限）")
            .Produces<CaseSnapshot>(StatusCodes.Status201Created);
        return app;
    }

    public static Task<CaseSnapshot> HandleAsync(Request request, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var v = new Validation()
                .Name(request.Title, "title", "事项名称", 200)
                .RequireText(request.Description, "description", "问题事实（发生了什么）", 5000)
                .Require(BusinessFields.IsKnown(request.BusinessField), "businessField", $"请选择业务领域（{string.Join("、", BusinessFields.All)}）。")
                .RequireText(request.StartedBy, "startedBy", "启动问责程序的机关", 100)
                .Require(request.AccountabilityStartedOn is not null, "accountabilityStartedOn", "请填写启动问责程序日期。")
                .Require(request.AccountabilityStartedOn is null || request.AccountabilityStartedOn <= ctx.Today, "accountabilityStartedOn", "启动问责程序日期不能晚于今天。")
                .Require(request.Subjects is { Count: > 0 }, "subjects", "请至少指定一个问责对象（单位或个人）。")
                .Require(request.ErrorKind is null || ErrorKinds.IsKnown(request.ErrorKind), "errorKind", $"失误类型应为：{string.Join("、", ErrorKinds.All)}。")
                .Require(request.WorkItem is null || WorkItems.IsKnown(request.WorkItem), "workItem", $"工作事项应为：{string.Join("、", WorkItems.All)}。")
                .Require(request.WorkItem is null || request.ErrorKind is not null, "errorKind", "填写工作事项时请一并选择失误类型。");
            var subjects = new List<CaseSubject>();
            foreach (var (s, i) in (request.Subjects ?? []).Select((s, i) => (s, i)))
            {
                if (!Enum.IsDefined(s.Kind))
                {
                    v.Require(false, $"subjects[{i}].kind", "问责对象类型应为 Unit（单位）或 Person（个人）。");
                }
                else if (s.Kind == SubjectKind.Unit)
                {
                    var unit = await ctx.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == s.Id, ct);
                    v.Require(unit is not null, $"subjects[{i}].id", "问责单位不存在。");
                    if (unit is not null)
                    {
                        subjects.Add(new CaseSubject { Kind = SubjectKind.Unit, UnitId = unit.Id, Name = unit.Name });
                    }
                }
                else
                {
                    var person = await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == s.Id, ct);
                    v.Require(person is not null, $"subjects[{i}].id", "问责人员不存在。");
                    if (person is not null)
                    {
                        subjects.Add(new CaseSubject { Kind = SubjectKind.Person, PersonId = person.Id, UnitId = person.UnitId, Name = person.Name });
                    }
                }
            }
            v.Require(subjects.Select(s => (s.Kind, s.UnitId, s.PersonId)).Distinct().Count() == subjects.Count, "subjects", "问责对象有重复。");
            v.ThrowIfInvalid();

            var startedOn = request.AccountabilityStartedOn!.Value;
            var policy = ctx.Policies.InForceOn(startedOn);
            var deadline = Deadlines.ApplicationDeadline(policy.ApplicationWindow, startedOn, calendar);
            var sequence = await ctx.NextNumberAsync("case", ctx.Today.Year, ct);
            var c = Case.Register(CaseNumber.Create(ctx.Today.Year, sequence), policy, request.Title!, request.Description!,
                request.BusinessField!, request.StartedBy!, startedOn, deadline, subjects, ctx.Actor, ctx.Now);
            if (request.ErrorKind is { } kind)
            {
                c.ClassifyError(kind, request.WorkItem, ctx.Actor, policy, ctx.Now);
            }
            ctx.Db.Cases.Add(c);
            return CaseSnapshot.Of(c);
        }, ct);
}
