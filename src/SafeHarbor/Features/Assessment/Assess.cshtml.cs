using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Assessing one person in a period: a score per indicator of the scheme that applies to them, a comment, and
/// deductions with reasons, each optionally tied to one of the person's accountability matters. The person's
/// matters are listed with what protects them (Art. 11), and a deduction for a protected matter is refused.
/// </summary>
public sealed class AssessModel(PageServices services) : PageModel
{
    public sealed class ScoreRow
    {
        public string? Code { get; set; }
        public decimal? Score { get; set; }
    }

    public sealed class ScoresInput
    {
        public List<ScoreRow> Scores { get; set; } = [];
        public string? Comment { get; set; }
    }

    public sealed class DeductionInput
    {
        public decimal? Points { get; set; }
        public string? Reason { get; set; }
        public Guid? CaseId { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid PeriodId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ScoresInput Input { get; set; } = new();
    [BindProperty] public DeductionInput Deduction { get; set; } = new();
    [BindProperty] public Guid DeductionId { get; set; }

    public AssessmentPeriod Period { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public AssessmentQueries.AssessmentView? Existing { get; private set; }
    public Schemes.SchemeView? Scheme { get; private set; }
    public string? SchemeProblem { get; private set; }
    public IReadOnlyList<AssessmentQueries.MatterOption> Matters { get; private set; } = [];

    public bool ReadOnly => Period.Closed || Scheme is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        RunAsync(async actor =>
        {
            var scores = Input.Scores.Select(s => new CreateAssessment.ScoreInput(s.Code, s.Score)).ToList();
            if (Existing is null)
            {
                await CreateAssessment.HandleAsync(PeriodId, new CreateAssessment.Request(PersonId, scores, Input.Comment), actor, services.Runner, ct);
            }
            else
            {
                await UpdateAssessment.HandleAsync(Existing.Id, Expected, new UpdateAssessment.Request(scores, Input.Comment), actor, services.Runner, ct);
            }
        }, "评分已保存。", "Input", ct);

    public Task<IActionResult> OnPostDeductAsync(CancellationToken ct) =>
        RunAsync(async actor =>
        {
            var id = Existing?.Id ?? throw DomainException.Conflict("not-scored", "请先保存评分，再登记扣分。");
            await AddDeduction.HandleAsync(id, Expected, new AddDeduction.Request(Deduction.Points, Deduction.Reason, Deduction.CaseId), actor, services.Runner, ct);
        }, "扣分已登记。", "Deduction", ct);

    public Task<IActionResult> OnPostRemoveDeductionAsync(CancellationToken ct) =>
        RunAsync(async actor =>
        {
            var id = Existing?.Id ?? throw DomainException.NotFound("assessment-not-found", "考核记录不存在。");
            await RemoveDeduction.HandleAsync(id, DeductionId, Expected, actor, services.Runner, ct);
        }, "扣分已撤销。", "Deduction", ct);

    private int? Expected => Version == 0 ? null : Version;

    private async Task<IActionResult> RunAsync(Func<Actor, Task> command, string notice, string prefix, CancellationToken ct)
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
            ModelState.AddDomainErrors(e, prefix);
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/Assessment/Periods/{PeriodId}/Assess?personId={PersonId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(services.Actor))
        {
            return false;
        }
        Period = await services.Db.Set<AssessmentPeriod>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == PeriodId, ct)
            ?? throw DomainException.NotFound("period-not-found", "考核期不存在。");
        Person = await services.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == PersonId, ct)
            ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
        UnitName = await services.Db.Units.Where(u => u.Id == Person.UnitId).Select(u => u.Name).SingleAsync(ct);
        Existing = await AssessmentQueries.FindAsync(services.Db, PeriodId, PersonId, ct);
        try
        {
            var schemeId = Existing?.SchemeId ?? (await Schemes.ForPersonAsync(services.Db, Person, ct)).Id;
            Scheme = await GetScheme.HandleAsync(schemeId, services.Actor, services.Db, services.Policies, ct);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            SchemeProblem = e.Message;
        }
        var uses = Scheme?.ProtectedByUses.Select(u => u.Code).ToList() ?? [.. AssessmentAccess.DefaultProtectedByUses];
        Matters = await AssessmentQueries.MattersAsync(services.Db, PersonId, uses, ct);
        if (Input.Scores.Count == 0 && Scheme is not null)
        {
            Input.Scores = Scheme.Indicators.Select(i => new ScoreRow { Code = i.Code, Score = Existing?.Scores.FirstOrDefault(s => s.Code == i.Code)?.Score }).ToList();
            Input.Comment = Existing?.Comment;
        }
        if (Version == 0 && Existing is not null)
        {
            Version = Existing.Version;
        }
        return true;
    }
}
