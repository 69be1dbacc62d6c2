namespace SafeHarbor.Organisation;

/// <summary>Art. 2: sections, enforcement units (branches, the detachment), county/district bureaus, affiliated units.</summary>
public enum UnitType
{
    Bureau,
    Section,
    Branch,
    Detachment,
    CountyBureau,
    Affiliated,
}

public static class UnitTypeNames
{
    public static string Chinese(this UnitType type) => type switch
    {
        UnitType.Bureau => "市局",
        UnitType.Section => "机关科室",
        UnitType.Branch => "分局",
        UnitType.Detachment => "综合支队",
        UnitType.CountyBureau => "县区局",
        UnitType.Affiliated => "局属单位",
        _ => type.ToString(),
    };
}

[Article("2")]
public sealed class Unit : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public UnitType Type { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
}

[Article("2")]
public sealed class Person : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid UnitId { get; set; }
    public required string Post { get; set; }

    /// <summary>领导干部: a leading cadre (Art. 2 focus).</summary>
    public bool IsLeader { get; set; }

    /// <summary>领导班子成员: member of the unit's leadership team.</summary>
    public bool InLeadershipTeam { get; set; }
}
