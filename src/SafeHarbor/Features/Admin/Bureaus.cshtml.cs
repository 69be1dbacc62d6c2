using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// 本局信息: the names the bureau's documents print, and for a city bureau its county bureaus, where a new one is
/// added with its own system administrator (Art. 15).
/// </summary>
public sealed class BureausModel(Actor actor, SafeHarborDb db, CommandRunner runner, UserManager<AppUser> users, IServiceScopeFactory scopes) : SystemAdminPage(actor)
{
    public sealed class NamesInput
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? PartyGroup { get; set; }
        public string? Office { get; set; }
        public string? Discipline { get; set; }
        public string? PartyCommittee { get; set; }
        public string? GuidanceGroup { get; set; }

        public BureauNames ToNames() => new(Name, ShortName, PartyGroup, Office, Discipline, PartyCommittee, GuidanceGroup);

        public static NamesInput Of(OrganisationViews.BureauView b) => new()
        {
            Name = b.Name, ShortName = b.ShortName, PartyGroup = b.PartyGroup, Office = b.Office,
            Discipline = b.Discipline, PartyCommittee = b.PartyCommittee, GuidanceGroup = b.GuidanceGroup,
        };
    }

    public sealed class CountyInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? AdminUserName { get; set; }
        public string? AdminDisplayName { get; set; }
        public string? AdminPassword { get; set; }
    }

    [BindProperty] public NamesInput Names { get; set; } = new();
    [BindProperty] public CountyInput County { get; set; } = new();

    public OrganisationViews.BureauView Own { get; private set; } = null!;
    public IReadOnlyList<OrganisationViews.BureauView> Below { get; private set; } = [];
    public bool IsCity => Own.Level == BureauLevel.City;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Names = NamesInput.Of(Own);
        return Page();
    }

    public async Task<IActionResult> OnPostNamesAsync(CancellationToken ct)
    {
        try
        {
            await UpdateBureauNames.HandleAsync(Names.ToNames(), Actor, runner, ct);
            TempData["Notice"] = "已保存本局名称，此后出具的公文按新名称印制。";
            return Redirect("/Admin/Bureaus");
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            ModelState.AddDomainErrors(e, prefix: nameof(Names));
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCountyAsync(CancellationToken ct)
    {
        try
        {
            var created = await CreateBureau.HandleAsync(
                new CreateBureau.Request(County.Code, new BureauNames(County.Name, County.ShortName, null, null, null, null, null),
                    County.AdminUserName, County.AdminDisplayName, County.AdminPassword),
                Actor, runner, users, scopes, ct);
            TempData["Notice"] = $"已新增县区局“{created.Name}”（{created.Code}）及其系统管理员“{County.AdminUserName?.Trim()}”。请把初始密码当面告知本人，由其建立该局的单位、人员和账号。";
            return Redirect("/Admin/Bureaus");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Forbidden)
        {
            // The county's names are checked as any bureau's (names.name …): shown beside this form's fields.
            ModelState.AddDomainErrors(e, prefix: nameof(County), mapKey: k => k switch { "names.name" or "name" => "name", "names.shortName" or "shortName" => "shortName", _ => k });
            await LoadAsync(ct);
            Names = NamesInput.Of(Own);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await ListBureaus.HandleAsync(Actor, db, ct);
        Own = all.Single(b => b.Id == Actor.BureauId);
        Below = all.Where(b => b.Id != Actor.BureauId).ToList();
    }
}
