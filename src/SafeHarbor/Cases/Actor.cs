using SafeHarbor.Organisation;

namespace SafeHarbor.Cases;

/// <summary>
/// The signed-in user acting on a case, with what the procedure needs to know about them.
/// <see cref="OverseenUnitIds"/> are the units a leader heads, with every unit below them.
/// <see cref="SeesAllCases"/>: the user holds a role that a policy version gives a duty in the
/// procedure (verify, guide, vote, secretariat, archive, register), so every case of their bureau may need
/// them. <see cref="BureauId"/>: the bureau the account belongs to; the user sees nothing of any other.
/// </summary>
public sealed record Actor(
    Guid UserId,
    string UserName,
    string DisplayName,
    Guid? PersonId,
    Guid? UnitId,
    bool IsLeader,
    IReadOnlySet<Role> Roles,
    IReadOnlySet<Guid> OverseenUnitIds,
    bool SeesAllCases = false,
    Guid BureauId = default,
    IReadOnlyList<string>? BureauLineage = null)
{
    /// <summary>The codes of the actor's bureau and of every bureau above it, nearest first (which measures apply, Art. 15).</summary>
    public IReadOnlyList<string> BureauLineage { get; init; } = BureauLineage ?? [];

    /// <summary>A system actor for demo seeding and maintenance; it holds no role and sees nothing by itself.</summary>
    public static Actor System(string name) => new(Guid.Empty, "system", name, null, null, false, new HashSet<Role>(), new HashSet<Guid>());

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Speaks for a unit: the unit's leader (a unit applies through its leader).</summary>
    public bool Leads(Guid unitId) => IsLeader && UnitId == unitId;
}
