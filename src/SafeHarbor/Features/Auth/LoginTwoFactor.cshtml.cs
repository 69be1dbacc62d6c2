using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

/// <summary>The second step of signing in: a code of the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInSteps steps, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Identity's two-factor cookie names the account whose password was right a moment ago (it lasts minutes).
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/Account/Login");
        }
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(string.Empty, SignInSteps.SecondFactorMessage);
            return Page();
        }
        switch (await steps.CheckSecondFactorAsync(user, Code, RecoveryCode, LoginModel.Via, ct))
        {
            case SignInSteps.StepResult.Succeeded:
                await steps.SucceededAsync(user, LoginModel.Via, string.IsNullOrWhiteSpace(Code) ? "密码、恢复码" : "密码、动态口令", ct);
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
            case SignInSteps.StepResult.LockedOut:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                ModelState.AddModelError(string.Empty, SignInThrottle.LockedMessage);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, SignInSteps.SecondFactorWrongMessage);
                return Page();
        }
    }
}
