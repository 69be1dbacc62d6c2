using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>A report as the API and the page show it, with the names of the person and the number of the case reported.</summary>
public sealed record AbuseReportView(
    Guid Id, Guid? PersonId, string? PersonName, Guid? CaseId, string? CaseNumber, AbuseKind Kind, string KindName,
    string Description, DateOnly ReceivedOn, AbuseReportStatus Status, string StatusName, string? Conclusion, DateOnly? ConcludedOn)
{
    internal static async Task<IReadOnlyList<AbuseReportView>> ManyAsync(SafeHarborDb db, IReadOnlyList<AbuseReport> reports, CancellationToken ct)
    {
        var personIds = reports.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var caseIds = reports.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return reports.Select(r => new AbuseReportView(
            r.Id, r.PersonId, r.PersonId is { } p ? persons.GetValueOrDefault(p) : null,
            r.CaseId, r.CaseId is { } c ? cases.GetValueOrDefault(c) : null,
            r.Kind, r.Kind.Chinese(), r.Description, r.ReceivedOn, r.Status, r.Status.Chinese(), r.Conclusion, r.ConcludedOn)).ToList();
    }
}
