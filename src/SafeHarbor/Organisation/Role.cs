namespace SafeHarbor.Organisation;

/// <summary>
/// Account roles. Chinese names are the users' own words (docs/glossary.md).
/// The three administrator roles are kept apart (三员分立) and none of them reads case contents.
/// </summary>
public enum Role
{
    Staff,
    Investigator,
    GuidanceGroup,
    PartyGroupMember,
    PartyGroupOffice,
    PartyCommittee,
    Personnel,
    PolicyOwner,
    SystemAdmin,
    SecurityAdmin,
    AuditAdmin,
}

public static class RoleNames
{
    public static string Chinese(this Role role) => role switch
    {
        Role.Staff => "干部职工",
        Role.Investigator => "局机关纪委",
        Role.GuidanceGroup => "驻局纪检监察组",
        Role.PartyGroupMember => "局党组成员",
        Role.PartyGroupOffice => "局办公室（党组秘书）",
        Role.PartyCommittee => "局机关党委",
        Role.Personnel => "人事科",
        Role.PolicyOwner => "执法稽查科",
        Role.SystemAdmin => "系统管理员",
        Role.SecurityAdmin => "安全管理员",
        Role.AuditAdmin => "审计管理员",
        _ => role.ToString(),
    };

    public static bool TryParse(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: false, out role) && Enum.IsDefined(role);
}
