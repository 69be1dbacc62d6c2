using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Opens an assessment period: the annual assessment, or a quarter of the regular (平时) one, named by default after its year and quarter.</summary>
public static class CreatePeriod
{
    public sealed record Request(PeriodKind? Kind, int? Year, int? Quarter, string? Name);

    public static Task<Guid> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var v = new Validation()
                .Require(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "请选择考核类型（年度考核或平时考核）。")
                .Require(r.Year is >= 2000 and <= 2100, "year", "请填写考核年度（2000–2100）。")
                .Require(r.Kind != PeriodKind.Quarterly || r.Quarter is >= 1 and <= 4, "quarter", "平时考核请选择季度（1–4）。")
                .Require(r.Kind != PeriodKind.Annual || r.Quarter is null, "quarter", "年度考核不分季度。")
                .Require(r.Name is null || r.Name.Trim().Length <= 50, "name", "考核期名称不能超过 50 个字。");
            v.ThrowIfInvalid();
            var kind = r.Kind!.Value;
            var quarter = kind == PeriodKind.Quarterly ? r.Quarter : null;
            var name = string.IsNullOrWhiteSpace(r.Name) ? AssessmentNames.DefaultPeriodName(kind, r.Year!.Value, quarter) : r.Name.Trim();
            // The unique index cannot catch two annual periods (NULL quarters differ), so ask first; commands run one at a time.
            if (await ctx.Db.Set<AssessmentPeriod>().AnyAsync(p => p.Kind == kind && p.Year == r.Year && p.Quarter == quarter, ct))
            {
                throw DomainException.Conflict("period-exists", $"{AssessmentNames.DefaultPeriodName(kind, r.Year!.Value, quarter)}的考核期已经建立。");
            }
            var period = new AssessmentPeriod { Id = Guid.NewGuid(), Kind = kind, Year = r.Year!.Value, Quarter = quarter, Name = name };
            ctx.Db.Add(period);
            ctx.Audit("CreateAssessmentPeriod", nameof(AssessmentPeriod), name, null, AssessmentAccess.ActingAs,
                new { kind = kind.Chinese(), period.Year, period.Quarter, name });
            return period.Id;
        }, ct);
}
