using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>The meetings, newest first, with the number of cases on each agenda.</summary>
public static class ListMeetings
{
    public sealed record MeetingSummary(Guid Id, string Title, DateOnly HeldOn, MeetingStatus Status, int Cases);

    public static async Task<IReadOnlyList<MeetingSummary>> HandleAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Set<Meeting>().AsNoTracking().ToListAsync(ct))
            .OrderByDescending(m => m.HeldOn)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.HeldOn, m.Status, m.Agenda.Count))
            .ToList();
}
