using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Auth;

/// <summary>动态口令: enrolling an authenticator app (QR code and key, confirmed with a code), then the recovery codes once.</summary>
public sealed class TwoFactorModel(Actor actor, SafeHarborDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEventLog events) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public TwoFactorEnrolment.State State { get; private set; } = new(false, false, null, null);

    /// <summary>Shown once, in the answer to the confirmation.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The QR code of the pending key, as an image of its own (no data: URL, no script).</summary>
    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        var user = await UserAsync();
        if (user.TwoFactorEnabled)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(TwoFactorEnrolment.QrCodePng(TwoFactorEnrolment.AuthenticatorUri(user.UserName!, await TwoFactorEnrolment.KeyAsync(user, users))), "image/png");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var user = await UserAsync();
            RecoveryCodes = (await TwoFactorEnrolment.ConfirmAsync(user, Code, users, events, ct)).RecoveryCodes;
            // Enrolling ended the account's other sessions (a new security stamp); this one goes on, with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, prefix: "");
        }
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await UserAsync();
        State = await TwoFactorEnrolment.StateAsync(user, await SignInSteps.SecondFactorRequiredAsync(db, user, actor.Roles, ct), users);
    }

    private async Task<AppUser> UserAsync() =>
        await users.FindByIdAsync(actor.UserId.ToString()) ?? throw DomainException.Forbidden("account-disabled", "您的账号已停用或不存在，请联系系统管理员。");
}
