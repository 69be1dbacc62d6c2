using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Admin;

/// <summary>The security administrator's list of the bureau's accounts and their roles, each with a link to change them (三员分立).</summary>
public sealed class RolesModel(Actor actor, SafeHarborDb db, TimeProvider time) : SecurityAdminPage(actor)
{
    public IReadOnlyList<AdminQueries.AccountRow> Accounts { get; private set; } = [];

    public Guid Me => Actor.UserId;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await ListAccounts.HandleAsync(db, time.GetUtcNow(), ct);
}
