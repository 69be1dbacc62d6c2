using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>What the organisation use cases answer with.</summary>
public static class OrganisationViews
{
    public sealed record UnitView(Guid Id, string Name, UnitType Type, string TypeName, Guid? ParentId);

    public sealed record PersonView(Guid Id, string Name, Guid UnitId, string UnitName, string Post, bool IsLeader, bool InLeadershipTeam);

    public sealed record UserView(Guid Id, string UserName, string DisplayName, Guid? PersonId, IReadOnlyList<Role> Roles, bool LockedOut);
}
