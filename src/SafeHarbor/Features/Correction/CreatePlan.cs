using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Correction;

/// <summary>Art. 8 督促制定整改措施: the rectification plan, each measure with an owner and a time limit in working days.</summary>
public static class CreatePlan
{
    public sealed record MeasureInput(string? Text, Guid? OwnerPersonId, int? WorkingDays);

    public sealed record Request(IReadOnlyList<MeasureInput>? Measures);

    /// <summary>Creates the case's plan (one per case) once the cause has been analysed; answers the plan's version.</summary>
    public static Task<int> HandleAsync(Guid caseId, Request r, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "制定整改方案");
            if (await ctx.Db.Set<RectificationPlan>().AsNoTracking().AnyAsync(p => p.CaseId == c.Id, ct))
            {
                throw DomainException.Conflict("plan-exists", $"案件 {c.Number} 已有整改方案，请在原方案中增加措施。");
            }
            if (!await ctx.Db.Set<CauseAnalysis>().AsNoTracking().AnyAsync(a => a.CaseId == c.Id, ct))
            {
                throw DomainException.Conflict("analysis-missing", "请先分析问题产生的原因，再据此制定整改措施（第八条：帮助分析原因，督促制定整改措施）。");
            }
            var v = new Validation().Require(r.Measures is { Count: > 0 }, "measures", "请至少列出一项整改措施。");
            var measures = await MeasuresAsync(ctx, r.Measures ?? [], "measures", calendar, v, ct);
            v.ThrowIfInvalid();

            var plan = new RectificationPlan
            {
                Id = Guid.NewGuid(),
                CaseId = c.Id,
                CreatedOn = ctx.Today,
                Version = 1,
                Measures = measures,
            };
            ctx.Db.Add(plan);
            ctx.Audit("CreateRectificationPlan", nameof(RectificationPlan), plan.Id.ToString(), c.Id, actingAs, new
            {
                step = "制定整改措施（第八条）",
                measures = measures.Select(m => new { m.Text, owner = m.OwnerName, m.WorkingDays, dueOn = m.Due.ToString() }).ToArray(),
            });
            return plan.Version;
        }, ct);

    /// <summary>Validates measure rows (keys <c>{prefix}[i].field</c>) and builds them with due dates from today.</summary>
    internal static async Task<List<RectificationMeasure>> MeasuresAsync(
        CommandContext ctx, IReadOnlyList<MeasureInput> inputs, string prefix, WorkingDayCalendar calendar, Validation v, CancellationToken ct)
    {
        var ownerIds = inputs.Where(m => m.OwnerPersonId is not null).Select(m => m.OwnerPersonId!.Value).Distinct().ToList();
        var owners = await ctx.Db.Persons.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var result = new List<RectificationMeasure>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var m = inputs[i];
            var key = inputs.Count == 1 && prefix.Length == 0 ? "" : $"{prefix}[{i}].";
            v.RequireText(m.Text, key + "text", "整改措施", 1000);
            Person? owner = m.OwnerPersonId is { } o ? owners.GetValueOrDefault(o) : null;
            v.Require(owner is not null, key + "ownerPersonId", m.OwnerPersonId is null ? "请选择措施责任人。" : "措施责任人不存在。");
            v.Require(m.WorkingDays is >= 1 and <= CorrectionRules.MaxWorkingDays, key + "workingDays", $"完成时限应为 1 至 {CorrectionRules.MaxWorkingDays} 个工作日。");
            ComputedDate? due = null;
            if (m.WorkingDays is >= 1 and <= CorrectionRules.MaxWorkingDays)
            {
                try
                {
                    due = CorrectionRules.DueOn(ctx.Today, m.WorkingDays.Value, calendar);
                }
                catch (CalendarNotPublishedException e)
                {
                    v.Require(false, key + "workingDays", e.Message);
                }
            }
            if (owner is not null && due is not null && !string.IsNullOrWhiteSpace(m.Text))
            {
                result.Add(new RectificationMeasure
                {
                    Text = m.Text.Trim(),
                    OwnerPersonId = owner.Id,
                    OwnerName = owner.Name,
                    WorkingDays = m.WorkingDays!.Value,
                    CountedFrom = ctx.Today,
                    DueOn = due.Date,
                    DueProvisionalReason = due.ProvisionalReason,
                });
            }
        }
        return result;
    }
}
