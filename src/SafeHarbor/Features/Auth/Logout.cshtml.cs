using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

public sealed class LogoutModel(UserManager<AppUser> users, SecurityEventLog events) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signs out here and everywhere else: a copy of this cookie, other browsers and the account's API tokens stop working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await SessionApi.SignOutEverywhereAsync(User, users, events, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Redirect("/Account/Login");
    }
}
