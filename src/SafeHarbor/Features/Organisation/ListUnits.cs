using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Every unit, in their order (a tree by parentId).</summary>
public static class ListUnits
{
    public static async Task<IReadOnlyList<OrganisationViews.UnitView>> HandleAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct))
            .Select(u => new OrganisationViews.UnitView(u.Id, u.Name, u.Type, u.Type.Chinese(), u.ParentId)).ToList();
}
