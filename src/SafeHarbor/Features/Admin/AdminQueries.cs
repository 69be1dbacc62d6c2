using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>The rows the administration pages list (ListUnitTree, ListPeople, ListAccounts): the unit tree, people per unit, accounts with their roles.</summary>
public static class AdminQueries
{
    /// <param name="Depth">0 for a top unit; the tree is listed depth-first, children after their parent.</param>
    public sealed record UnitNode(Guid Id, string Name, UnitType Type, Guid? ParentId, int Depth, int People);

    public sealed record PersonRow(Guid Id, string Name, Guid UnitId, string UnitName, string Post, bool IsLeader, bool InLeadershipTeam, string? Account);

    public sealed record AccountRow(Guid Id, string UserName, string DisplayName, Guid? PersonId, string? PersonName, string? UnitName, IReadOnlyList<Role> Roles, bool LockedOut);
}
