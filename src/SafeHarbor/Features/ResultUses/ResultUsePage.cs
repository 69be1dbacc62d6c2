using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>A person in a picker, with their unit.</summary>
public sealed record PersonChoice(Guid Id, string Name, string Post, string UnitName)
{
    public string Label => $"{Name}（{UnitName} {Post}）";
}

public sealed record UnitChoice(Guid Id, string Name);

/// <summary>
/// What the 结果运用 pages share: the same rule as the API (<see cref="ResultUseAccess.MayQuery"/>: 人事科 and the
/// procedure bodies; anyone else 403), and the pickers of people and units.
/// </summary>
public abstract class ResultUsePage(Actor actor, SafeHarborDb db, PolicyCatalog policies) : PageModel
{
    protected SafeHarborDb Db => db;
    protected PolicyCatalog Policies => policies;

    public Actor Actor { get; } = actor;

    /// <summary>The reader may open cases (and so gets links to them); 人事科 reads the records, not the cases.</summary>
    public bool LinksCases => Actor.SeesAllCases;

    public IReadOnlyList<PersonChoice> People { get; private set; } = [];
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>The result uses of the measures (one per code), in the order of the article.</summary>
    public IReadOnlyList<PolicyItem> Uses => policies.All.SelectMany(p => p.ResultUses).DistinctBy(u => u.Code).ToList();

    /// <summary>Loads the reader; 403 (the error page saying who these pages are for) when they may not use these pages.</summary>
    protected void EnsureAllowed()
    {
        if (!ResultUseAccess.MayQuery(Actor))
        {
            throw ResultUseAccess.Refused();
        }
    }

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.SortOrder }).ToListAsync(ct);
        var order = units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Units = units.OrderBy(u => order[u.Id]).Select(u => new UnitChoice(u.Id, u.Name)).ToList();
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        People = (await db.Persons.AsNoTracking().Select(p => new { p.Id, p.Name, p.Post, p.UnitId }).ToListAsync(ct))
            .OrderBy(p => order.GetValueOrDefault(p.UnitId, int.MaxValue)).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Post, names.GetValueOrDefault(p.UnitId) ?? "（未知单位）"))
            .ToList();
    }

    public static string OutcomeClass(Outcome? outcome) => outcome switch
    {
        Outcome.Exempted => "text-bg-success",
        Outcome.Mitigated => "text-bg-warning",
        Outcome.NotExempted => "text-bg-danger",
        _ => "text-bg-light border",
    };
}
