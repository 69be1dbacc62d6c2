using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Auth;

/// <summary>修改密码, for everyone; the only page an account with an initial, reset or expired password can open.</summary>
public sealed class PasswordModel(Actor actor, SafeHarborDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEventLog events, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public bool MustChange { get; private set; }
    public SecuritySettings Rules { get; private set; } = SecuritySettings.Defaults(Guid.Empty);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "两次输入的新密码不一致。");
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var user = await ChangePassword.HandleAsync(actor.UserId, new ChangePassword.Request(Input.CurrentPassword, Input.NewPassword), users, events, time, ct);
            // The password change renewed the account's security stamp: this session carries the new one.
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.RefreshSignInAsync(user);
            TempData["Notice"] = "密码已修改。";
            return Redirect("/");
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MustChange = await SignInGate.PendingAsync(db, actor, time.GetUtcNow(), ct) == SignInGate.PendingStep.ChangePassword;
        Rules = await SecurityRules.ForBureauAsync(db, actor.BureauId, ct);
    }
}
