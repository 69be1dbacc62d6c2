using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>The unit tree and its people; adding a unit or a person; importing people from Excel.</summary>
// Room for the multipart envelope around a file of PeopleImport.MaxFileBytes; the handler names the real limit.
[RequestFormLimits(MultipartBodyLengthLimit = 2 * PeopleImport.MaxFileBytes)]
[RequestSizeLimit(2 * PeopleImport.MaxFileBytes)]
public sealed class PeopleModel(Actor actor, SafeHarborDb db, CommandRunner runner) : SystemAdminPage(actor)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class UnitInput
    {
        public string? Name { get; set; }
        public UnitType? Type { get; set; } = UnitType.Section;
        public Guid? ParentId { get; set; }
    }

    public sealed class PersonInput
    {
        public string? Name { get; set; }
        public Guid? UnitId { get; set; }
        public string? Post { get; set; }
        public bool IsLeader { get; set; }
        public bool InLeadershipTeam { get; set; }
    }

    /// <summary>The unit whose people are listed; all units when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? SelectedUnitId { get; set; }

    [BindProperty] public UnitInput NewUnit { get; set; } = new();
    [BindProperty] public PersonInput NewPerson { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<AdminQueries.UnitNode> Tree { get; private set; } = [];
    public IReadOnlyList<AdminQueries.PersonRow> Persons { get; private set; } = [];
    public AdminQueries.UnitNode? SelectedUnit => Tree.FirstOrDefault(u => u.Id == SelectedUnitId);

    /// <summary>The rows of a refused import, grouped by row number.</summary>
    public IReadOnlyList<(int Line, IReadOnlyList<string> Problems)> ImportProblems { get; private set; } = [];
    public string? ImportFileName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A person added while a unit is shown most likely belongs to it.
        NewPerson.UnitId = SelectedUnitId;
        NewUnit.ParentId = SelectedUnitId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var tree = await ListUnitTree.HandleAsync(db, ct);
        // The example row names a unit people are usually in (a branch), not the bureau itself.
        var example = tree.Where(u => u.Type is UnitType.Branch or UnitType.Detachment).Select(u => u.Name).Order(StringComparer.Ordinal).FirstOrDefault();
        return File(PeopleImport.Template(example, tree.Select(u => u.Name).ToList()), XlsxContentType, "人员导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAddUnitAsync(CancellationToken ct)
    {
        try
        {
            var unit = await CreateUnit.HandleAsync(new CreateUnit.Request(NewUnit.Name, NewUnit.Type ?? (UnitType)(-1), NewUnit.ParentId), Actor, runner, ct);
            TempData["Notice"] = $"已新增单位“{unit.Name}”（{unit.TypeName}）。";
            return Redirect($"/Admin/People?unit={unit.Id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, prefix: nameof(NewUnit));
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddPersonAsync(CancellationToken ct)
    {
        try
        {
            var person = await CreatePerson.HandleAsync(new CreatePerson.Request(NewPerson.Name, NewPerson.UnitId ?? Guid.Empty, NewPerson.Post,
                NewPerson.IsLeader, NewPerson.InLeadershipTeam), Actor, runner, ct);
            TempData["Notice"] = $"已在“{person.UnitName}”新增人员“{person.Name}”。";
            return Redirect($"/Admin/People?unit={person.UnitId}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, prefix: nameof(NewPerson));
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        ImportFileName = Upload is null ? null : Path.GetFileName(Upload.FileName);
        var refusal = Upload switch
        {
            null or { Length: 0 } => "请选择要导入的 Excel 文件（.xlsx）。",
            { Length: > PeopleImport.MaxFileBytes } => $"文件不能超过 {PeopleImport.MaxFileBytes / 1024 / 1024} MB。",
            _ when !string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase) => "只能导入 .xlsx 文件，请用模板填写。",
            _ => null,
        };
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(Upload), refusal);
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var sheet = PeopleImport.Read(buffer);
            if (sheet.Problems.Count > 0)
            {
                throw new ImportRefusedException(sheet.Problems);
            }
            var count = await PeopleImport.HandleAsync(sheet.Rows, ImportFileName!, Actor, runner, ct);
            TempData["Notice"] = $"已从“{ImportFileName}”导入 {count} 人。";
            return Redirect("/Admin/People");
        }
        catch (ImportRefusedException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            ImportProblems = e.Problems.GroupBy(p => p.Line).OrderBy(g => g.Key)
                .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(p => p.Problem).ToList())).ToList();
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            // An unreadable file: the message belongs next to the file field.
            ModelState.AddModelError(nameof(Upload), e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tree = await ListUnitTree.HandleAsync(db, ct);
        var persons = await ListPeople.HandleAsync(db, SelectedUnitId, ct);
        // In tree order, so the list reads like the organisation chart.
        var position = Tree.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Persons = persons.OrderBy(p => position.GetValueOrDefault(p.UnitId, int.MaxValue)).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
