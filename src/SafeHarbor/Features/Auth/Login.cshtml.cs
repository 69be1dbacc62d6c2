using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

/// <summary>The password step. An account with a second factor goes on to <c>/Account/LoginTwoFactor</c>, remembered meanwhile by Identity's short two-factor cookie.</summary>
public sealed class LoginModel(SignInSteps steps, SignInManager<AppUser> signIn) : PageModel
{
    public const string Via = "页面";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写用户名。")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "请填写密码。")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, user) = await steps.CheckPasswordAsync(Input.UserName!, Input.Password!, Via, ct);
        switch (outcome)
        {
            case SignInSteps.StepResult.Succeeded:
                await steps.SucceededAsync(user!, Via, "密码", ct);
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignInAsync(user!, isPersistent: false);
                return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
            case SignInSteps.StepResult.SecondFactorNeeded:
                await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
                    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user!.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));
                return Redirect($"/Account/LoginTwoFactor?ReturnUrl={Uri.EscapeDataString(SafeReturnUrl(Url, ReturnUrl))}");
            case SignInSteps.StepResult.LockedOut:
                ModelState.AddModelError(string.Empty, SignInThrottle.LockedMessage);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, SignInSteps.FailedMessage);
                return Page();
        }
    }

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
