using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Matters;

/// <summary>Registers an accountability matter; the application window starts.</summary>
public sealed class NewModel(PageServices services) : PageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? BusinessField { get; set; }
        public string? StartedBy { get; set; } = "局党组";
        public DateOnly? AccountabilityStartedOn { get; set; }
        public string? ErrorKind { get; set; }
        public List<Guid> SubjectUnits { get; set; } = [];
        public List<Guid> SubjectPersons { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> Persons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayRegisterAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.AccountabilityStartedOn = ChinaClock.Today(services.Time);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            var subjects = Input.SubjectUnits.Select(id => new RegisterMatter.SubjectInput(SubjectKind.Unit, id))
                .Concat(Input.SubjectPersons.Select(id => new RegisterMatter.SubjectInput(SubjectKind.Person, id)))
                .ToList();
            var snapshot = await RegisterMatter.HandleAsync(new RegisterMatter.Request(Input.Title, Input.Description, Input.BusinessField,
                Input.StartedBy, Input.AccountabilityStartedOn, subjects, string.IsNullOrEmpty(Input.ErrorKind) ? null : Input.ErrorKind), actor, services.Runner, services.Calendar, ct);
            TempData["Notice"] = $"已登记问责事项，案件编号 {snapshot.Number}。申请期限已开始计算。";
            return Redirect($"/Cases/{snapshot.Id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, mapKey: key => key.StartsWith("subjects", StringComparison.Ordinal) ? "subjectPersons" : key);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task<bool> MayRegisterAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        var policy = services.Policies.InForceOn(ChinaClock.Today(services.Time));
        return policy.RolesFor(Duty.Register).Any(actor.Has);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await services.Db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        Persons = await services.Db.Persons.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }
}
