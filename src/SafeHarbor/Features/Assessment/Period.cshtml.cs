using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Assessment;

/// <summary>One period: the people assessed with their scores, deductions and grades, each unit's 优秀 quota, finalising, closing, the export.</summary>
public sealed class PeriodModel(PageServices services, SecurityEventLog events) : PageModel
{
    public sealed record PersonOption(Guid Id, string Name, string UnitName, string Post);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public AssessmentQueries.PeriodView Period { get; private set; } = null!;
    public IReadOnlyList<PersonOption> NotAssessed { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(services.Actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var workbook = await AssessmentExport.WriteAsync(services.Db, Id, ct);
        await events.RecordTakenAsync(services.Actor, SecurityEventKinds.Export, "考核结果", null, workbook.FileName, ct);
        return File(workbook.Content, AssessmentExport.ContentType, workbook.FileName);
    }

    public Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct) =>
        RunAsync(async actor => await FinaliseGrades.HandleAsync(Id, actor, services.Runner, ct), "等次已评定。", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(async actor => await ClosePeriod.HandleAsync(Id, actor, services.Runner, ct), "考核期已关闭，结果只读。", ct);

    private async Task<IActionResult> RunAsync(Func<Actor, Task> command, string notice, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await command(services.Actor);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            Error = e.Message;
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/Assessment/Periods/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(services.Actor))
        {
            return false;
        }
        Period = await GetPeriod.HandleAsync(Id, services.Actor, services.Db, ct);
        var assessed = Period.Assessments.Select(a => a.PersonId).ToHashSet();
        var units = await services.Db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        NotAssessed = (await services.Db.Persons.AsNoTracking().ToListAsync(ct))
            .Where(p => !assessed.Contains(p.Id))
            .OrderBy(p => units[p.UnitId].SortOrder).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonOption(p.Id, p.Name, units[p.UnitId].Name, p.Post)).ToList();
        return true;
    }
}
