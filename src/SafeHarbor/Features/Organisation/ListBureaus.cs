using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Organisation;

/// <summary>The actor's bureau and the bureaus below it (a county bureau sees itself only).</summary>
public static class ListBureaus
{
    public static async Task<IReadOnlyList<OrganisationViews.BureauView>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var subtree = await db.BureauSubtreeAsync(actor.BureauId, ct);
        var bureaus = await db.Bureaus.AsNoTracking().Where(b => subtree.Contains(b.Id)).OrderBy(b => b.SortOrder).ThenBy(b => b.Code).ToListAsync(ct);
        return bureaus.Select(OrganisationViews.BureauView.Of).ToList();
    }
}
