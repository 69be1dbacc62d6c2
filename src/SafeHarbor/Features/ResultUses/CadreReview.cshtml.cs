using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>
/// 干部廉政审查 (Art. 11(3)): every accountability matter of a person with its exemption status and the summary of
/// <see cref="GetCadreReview"/>; a matter covered for cadre review carries no one-vote veto.
/// Without a person (the picker sent none) the page offers the picker.
/// </summary>
public sealed class CadreReviewModel(Actor actor, SafeHarborDb db, PolicyCatalog policies) : ResultUsePage(actor, db, policies)
{
    public const string CadreReviewUse = "cadre-review";

    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }

    public ResultUseQueries.CadreReview? Review { get; private set; }

    /// <summary>The matters covered for cadre review (免于一票否决).</summary>
    public IReadOnlySet<Guid> NoVeto { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EnsureAllowed();
        await LoadChoicesAsync(ct);
        if (PersonId is { } person)
        {
            Review = await GetCadreReview.HandleAsync(person, Db, Policies, ct);
            NoVeto = (await Db.Set<ResultRecord>().AsNoTracking()
                .Where(r => r.PersonId == person && r.UseCode == CadreReviewUse).Select(r => r.CaseId).ToListAsync(ct)).ToHashSet();
        }
        return Page();
    }
}
