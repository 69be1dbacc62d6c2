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

    public sealed record BureauView(
        Guid Id, string Code, BureauLevel Level, string LevelName, Guid? ParentId, string Name, string ShortName,
        string PartyGroup, string Office, string Discipline, string PartyCommittee, string GuidanceGroup)
    {
        public static BureauView Of(Bureau b) => new(b.Id, b.Code, b.Level, b.Level.Chinese(), b.ParentId, b.Name, b.ShortName,
            b.PartyGroup, b.Office, b.Discipline, b.PartyCommittee, b.GuidanceGroup);
    }

    public sealed record UserView(Guid Id, string UserName, string DisplayName, Guid? PersonId, IReadOnlyList<Role> Roles, bool LockedOut);
}
