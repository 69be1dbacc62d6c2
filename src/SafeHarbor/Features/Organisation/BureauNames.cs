using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>A bureau's names as its documents print them; what is left empty follows from its name (中共{名称}党组 …).</summary>
public sealed record BureauNames(string? Name, string? ShortName, string? PartyGroup, string? Office, string? Discipline, string? PartyCommittee, string? GuidanceGroup)
{
    public Validation Check(Validation v) => v
        .Name(Name, "name", "局名称", 100)
        .RequireText(ShortName, "shortName", "发文机关代字", 20)
        .MaxLength(PartyGroup, "partyGroup", "党组名称", 100)
        .MaxLength(Office, "office", "办公室名称", 100)
        .MaxLength(Discipline, "discipline", "机关纪委名称", 100)
        .MaxLength(PartyCommittee, "partyCommittee", "机关党委名称", 100)
        .MaxLength(GuidanceGroup, "guidanceGroup", "驻局纪检监察组名称", 100);

    /// <summary>A new bureau with these names (after <see cref="Check"/> passed).</summary>
    public Bureau NewBureau(string code, BureauLevel level, Guid? parentId, int sortOrder = 0)
    {
        var b = new Bureau
        {
            Id = Guid.NewGuid(), Code = code, Level = level, ParentId = parentId, SortOrder = sortOrder,
            Name = "", ShortName = "", PartyGroup = "", Office = "", Discipline = "", PartyCommittee = "", GuidanceGroup = "",
        };
        ApplyTo(b);
        return b;
    }

    /// <summary>Writes the names onto <paramref name="b"/> (after <see cref="Check"/> passed).</summary>
    public void ApplyTo(Bureau b)
    {
        var name = Name!.Trim();
        b.Name = name;
        b.ShortName = ShortName!.Trim();
        b.PartyGroup = Or(PartyGroup, $"中共{name}党组");
        b.Office = Or(Office, $"{name}办公室");
        b.Discipline = Or(Discipline, $"中共{name}机关纪律检查委员会");
        b.PartyCommittee = Or(PartyCommittee, $"中共{name}机关委员会");
        b.GuidanceGroup = Or(GuidanceGroup, $"纪委监委驻{name}纪检监察组");
    }

    private static string Or(string? text, string derived) => string.IsNullOrWhiteSpace(text) ? derived : text.Trim();
}
