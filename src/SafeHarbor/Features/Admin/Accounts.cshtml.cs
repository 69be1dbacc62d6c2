using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// Accounts with their roles and linked person; creating an account (without roles, but the bureau's first security
/// administrator); resetting a password. 三员分立 is the handlers' rule.
/// </summary>
public sealed class AccountsModel(Actor actor, SafeHarborDb db, CommandRunner runner, UserManager<AppUser> users, SecurityEventLog events, TimeProvider time) : SystemAdminPage(actor)
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public Guid? PersonId { get; set; }
        public List<Role> Roles { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<AdminQueries.AccountRow> Accounts { get; private set; } = [];
    public IReadOnlyList<AdminQueries.PersonRow> Persons { get; private set; } = [];

    /// <summary>Why a password reset was refused (shown above the list, apart from the new-account form's errors).</summary>
    public string? ResetError { get; private set; }

    /// <summary>The bureau has no security administrator yet: the form offers to make this account the first.</summary>
    public bool MayCreateSecurityAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var user = await CreateUser.HandleAsync(new CreateUser.Request(Input.UserName, Input.Password, Input.DisplayName, Input.PersonId, Input.Roles),
                Actor, runner, users, ct);
            TempData["Notice"] = $"已新增账号“{user.UserName}”（{RoleList(user.Roles)}）。请把初始密码当面告知本人，并提醒其首次登录后修改{(user.Roles.Count == 0 ? "；角色请安全管理员授予" : "")}。";
            return Redirect("/Admin/Accounts");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            if (e.Code == "account-invalid")
            {
                // Identity's own refusals (name taken, password too weak) carry no field; their text names it.
                ModelState.AddModelError(e.Message.Contains("密码", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", e.Message);
            }
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>A new initial password for an account (not the security or audit administrator's).</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, string? newPassword, CancellationToken ct)
    {
        try
        {
            await ResetPassword.HandleAsync(id, new ResetPassword.Request(newPassword), Actor, users, events, time, ct);
            TempData["Notice"] = "密码已重置。请把新的初始密码当面告知本人，其下次登录时须修改密码。";
            return Redirect("/Admin/Accounts");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Forbidden)
        {
            ResetError = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>Whether the page offers 重置密码 for an account: never for the other two administrators.</summary>
    public static bool MayResetPassword(AdminQueries.AccountRow account) => !account.Roles.Any(r => r is Role.SecurityAdmin or Role.AuditAdmin);

    public static string RoleList(IEnumerable<Role> roles) => roles.Any() ? string.Join("、", roles.Order().Select(r => r.Chinese())) : "无角色";

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = await ListAccounts.HandleAsync(db, time.GetUtcNow(), ct);
        MayCreateSecurityAdmin = !await AccountRules.HasSecurityAdminAsync(db, ct);
        var tree = await ListUnitTree.HandleAsync(db, ct);
        var position = tree.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var bound = Accounts.Where(a => a.PersonId is not null).Select(a => a.PersonId).ToHashSet();
        Persons = (await ListPeople.HandleAsync(db, null, ct)).Where(p => !bound.Contains(p.Id)).OrderBy(p => position.GetValueOrDefault(p.UnitId, int.MaxValue)).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
