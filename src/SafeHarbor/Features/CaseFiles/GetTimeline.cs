using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>The case's history from the audit trail: who, acting as what, when, did what.</summary>
public static class GetTimeline
{
    public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string ActorName, string ActingAs, string Action, string ActionName, JsonElement Details);

    public static async Task<IReadOnlyList<TimelineEntry>> HandleAsync(Guid caseId, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        // A party sees the procedural steps by name; the details (verdicts, votes, report text) stay with the bodies.
        var body = CaseDisclosure.AudienceOf(actor) == Audience.Body;
        return entries.Where(e => actor.ShowsTimelineEntry(c, e.Action)).Select(e => new TimelineEntry(
            e.Sequence, e.OccurredAt, e.ActorName, e.ActingAs, e.Action,
            AuditEntry.Describe(e.Action, body ? e.Details : "{}"),
            JsonDocument.Parse(body ? e.Details : "{}").RootElement.Clone())).ToList();
    }
}
