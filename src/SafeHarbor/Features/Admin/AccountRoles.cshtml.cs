using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>The security administrator changes one account's roles through the same handler as the API (三员分立, not one's own account).</summary>
public sealed class AccountRolesModel(Actor actor, SafeHarborDb db, CommandRunner runner, UserManager<AppUser> users, TimeProvider time) : SecurityAdminPage(actor)
{
    public sealed class InputModel
    {
        public List<Role> Roles { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public AdminQueries.AccountRow Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.Roles = [.. Account.Roles];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        try
        {
            var user = await SetRoles.HandleAsync(Id, new SetRoles.Request(Input.Roles), Actor, runner, users, ct);
            TempData["Notice"] = $"账号“{user.UserName}”的角色已改为：{AccountsModel.RoleList(user.Roles)}。";
            return Redirect("/Admin/Roles");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict or ErrorKind.Forbidden)
        {
            ModelState.AddDomainErrors(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = (await ListAccounts.HandleAsync(db, time.GetUtcNow(), ct)).FirstOrDefault(a => a.Id == Id);
        Account = account!;
        return account is not null;
    }
}
