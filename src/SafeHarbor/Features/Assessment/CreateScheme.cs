using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Assessment;

/// <summary>A new assessment scheme: its scope (unit types, post, leaders only), indicators, grade lines, excellent quota and protecting uses.</summary>
public static class CreateScheme
{
    public sealed record IndicatorInput(string? Code, string? Name, decimal? MaxScore, string? Description);

    public sealed record Request(
        string? Name,
        IReadOnlyList<UnitType>? UnitTypes,
        string? PostKeyword,
        bool LeadersOnly,
        IReadOnlyList<IndicatorInput>? Indicators,
        decimal? ExcellentLine,
        decimal? CompetentLine,
        decimal? BasicLine,
        int? ExcellentQuotaPercent,
        IReadOnlyList<string>? ProtectedByUses);

    public static Task<Schemes.SchemeView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            Schemes.Validate(r, ctx.Policies).ThrowIfInvalid();
            await Schemes.RequireUniqueNameAsync(ctx.Db, r.Name!.Trim(), null, ct);
            var scheme = new AssessmentScheme { Id = Guid.NewGuid(), Name = r.Name!.Trim() };
            Schemes.Apply(scheme, r);
            ctx.Db.Add(scheme);
            ctx.Audit("CreateAssessmentScheme", nameof(AssessmentScheme), scheme.Name, null, AssessmentAccess.ActingAs, Schemes.Describe(scheme));
            return Schemes.View(scheme, ctx.Policies, 0);
        }, ct);
}
