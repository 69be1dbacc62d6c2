namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>
/// Data moved by hand-written migrations, kept apart from the generated code so a regenerated migration
/// only has to call it.
/// </summary>
public static class MigrationData
{
    /// <summary>
    /// The bureau that the rows of a database from before bureaus existed belong to: every new BureauId column
    /// defaults to it, and <see cref="LegacyBureauSql"/> writes its row with the names the single-bureau
    /// configuration had by default (an operator whose names differed corrects them on 系统管理 → 局信息).
    /// </summary>
    public static readonly Guid LegacyBureauId = new("b0000000-0000-4000-8000-000000000001");

    /// <summary>Inserts the legacy bureau, only into a database that already has units (a new database starts with none).</summary>
    public static string LegacyBureauSql(bool postgres)
    {
        var id = postgres ? $"'{LegacyBureauId}'" : $"'{LegacyBureauId.ToString().ToUpperInvariant()}'";
        return $"""
            INSERT INTO "Bureaus" ("Id", "Code", "Level", "ParentId", "SortOrder", "Name", "ShortName", "PartyGroup", "Office", "Discipline", "PartyCommittee", "GuidanceGroup")
            SELECT {id}, 'qh', 'City', NULL, 0, '青禾市市场监督管理局', '青市监', '中共青禾市市场监督管理局党组', '青禾市市场监督管理局办公室',
                   '中共青禾市市场监督管理局机关纪律检查委员会', '中共青禾市市场监督管理局机关委员会', '市纪委监委驻青禾市市场监督管理局纪检监察组'
            WHERE EXISTS (SELECT 1 FROM "Units");
            """;
    }
}
