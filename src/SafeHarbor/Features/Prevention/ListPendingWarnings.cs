using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>The warnings the reader's unit has yet to acknowledge (a unit leader's to-do).</summary>
public static class ListPendingWarnings
{
    public static async Task<IReadOnlyList<Warnings.View>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct) =>
        await Warnings.ViewsAsync(db, actor, await Warnings.AwaitingAsync(actor, db, ct), ct);
}
