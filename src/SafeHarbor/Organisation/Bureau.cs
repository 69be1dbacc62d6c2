namespace SafeHarbor.Organisation;

/// <summary>市局 (a city bureau) or 县区局 (a county or district bureau, which applies the measures by Art. 15).</summary>
public enum BureauLevel
{
    City,
    County,
}

public static class BureauLevelNames
{
    public static string Chinese(this BureauLevel level) => level switch
    {
        BureauLevel.City => "市局",
        BureauLevel.County => "县区局",
        _ => level.ToString(),
    };
}

/// <summary>
/// A bureau served by this installation: a tenant. It owns its units, people, accounts, cases,
/// meetings, numbers and audit chain, and its names are what its documents print (letterhead,
/// 发文机关代字, the bodies of the procedure). Bureaus form a tree: a city bureau above its county bureaus.
/// </summary>
[Article("15")]
public sealed class Bureau
{
    public Guid Id { get; set; }

    /// <summary>A short Latin code that names the bureau on the command line and in policy files (e.g. <c>qh</c>, <c>qh-ds</c>).</summary>
    public required string Code { get; set; }

    public BureauLevel Level { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }

    public required string Name { get; set; }

    /// <summary>发文机关代字, the start of every document number (青市监〔2026〕3号).</summary>
    public required string ShortName { get; set; }
    public required string PartyGroup { get; set; }
    public required string Office { get; set; }
    public required string Discipline { get; set; }
    public required string PartyCommittee { get; set; }
    public required string GuidanceGroup { get; set; }
}

/// <summary>A record that belongs to one bureau: every query sees only the signed-in user's bureau's rows.</summary>
public interface IBureauOwned
{
    Guid BureauId { get; set; }
}
