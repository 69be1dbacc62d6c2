using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>The system administrator corrects the names the bureau's documents print (letterhead, 发文机关代字, the procedure's bodies).</summary>
public static class UpdateBureauNames
{
    public static Task<OrganisationViews.BureauView> HandleAsync(BureauNames names, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AccountRules.RequireSystemAdmin(actor);
            names.Check(new Validation()).ThrowIfInvalid();
            var bureau = await ctx.Db.Bureaus.SingleAsync(b => b.Id == actor.BureauId, ct);
            var before = OrganisationViews.BureauView.Of(bureau);
            names.ApplyTo(bureau);
            ctx.Audit("UpdateBureauNames", nameof(Bureau), bureau.Code, null, Role.SystemAdmin.Chinese(), new { step = "修改本局名称", before, after = OrganisationViews.BureauView.Of(bureau) });
            return OrganisationViews.BureauView.Of(bureau);
        }, ct);
}
