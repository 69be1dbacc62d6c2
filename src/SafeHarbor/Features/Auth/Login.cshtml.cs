using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Auth;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        if (user is not null)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (result.IsLockedOut)
            {
                ModelState.AddModelError(string.Empty, "密码连续输错次数过多，账号已暂时锁定，请 15 分钟后再试或联系安全管理员。");
                return Page();
            }
        }
        ModelState.AddModelError(string.Empty, "用户名或密码错误。");
        return Page();
    }
}
