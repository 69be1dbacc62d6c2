using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// The one-time page of a new installation: open to anyone while no account exists (there is nobody to sign in
/// yet), 404 from the moment the first account exists. The same handler as <c>safeharbor admin create</c>.
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(SafeHarborDb db, CommandRunner runner, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
        public string? BureauCode { get; set; }
        public string? BureauName { get; set; }
        public string? BureauShortName { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await CreateFirstAdministrator.IsOpenAsync(db, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await CreateFirstAdministrator.IsOpenAsync(db, ct))
        {
            return NotFound();
        }
        if (!string.Equals(Input.Password, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "两次输入的密码不一致。");
            return Page();
        }
        try
        {
            var created = await CreateFirstAdministrator.HandleAsync(
                new CreateFirstAdministrator.Request(Input.UserName, Input.DisplayName, Input.Password, Input.BureauCode, Input.BureauName, Input.BureauShortName),
                CreateFirstAdministrator.BySetupPage, db, runner, users, ct);
            TempData["Notice"] = $"已创建系统管理员“{created.UserName}”。请用该账号登录。";
            return Redirect("/Account/Login");
        }
        catch (DomainException e) when (e.Code == "setup-closed")
        {
            return NotFound();
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            // The bureau's names are checked as any bureau's are (name, shortName): shown beside the setup form's fields.
            ModelState.AddDomainErrors(e, mapKey: k => k switch { "name" => "bureauName", "shortName" => "bureauShortName", _ => k });
            if (e.Code == "account-invalid")
            {
                ModelState.AddModelError(e.Message.Contains("密码", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName", e.Message);
            }
            return Page();
        }
    }
}
