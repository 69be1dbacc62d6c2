using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Security;

/// <summary>安全策略: the bureau's security rules, locked accounts to unlock, second factors to reset (安全管理员 only).</summary>
public sealed class SecurityModel(Actor actor, SafeHarborDb db, UserManager<AppUser> users, SignInThrottle throttle, SecurityEventLog events, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        public int PasswordMinLength { get; set; }
        public int PasswordCharacterClasses { get; set; }
        public int PasswordExpiryDays { get; set; }
        public bool TwoFactorForEveryone { get; set; }
        public int IdleTimeoutMinutes { get; set; }
        public int AbsoluteTimeoutHours { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SecurityAdministration.AccountRow> Accounts { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!actor.Has(Role.SecurityAdmin))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await SecurityAdministration.GetAsync(actor, db, ct);
        Input = new InputModel
        {
            PasswordMinLength = s.PasswordMinLength, PasswordCharacterClasses = s.PasswordCharacterClasses, PasswordExpiryDays = s.PasswordExpiryDays,
            TwoFactorForEveryone = s.TwoFactorForEveryone, IdleTimeoutMinutes = s.IdleTimeoutMinutes, AbsoluteTimeoutHours = s.AbsoluteTimeoutHours,
        };
        Accounts = await SecurityAdministration.AccountsAsync(actor, db, time, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await SecurityAdministration.UpdateAsync(new SecurityAdministration.Settings(Input.PasswordMinLength, Input.PasswordCharacterClasses, Input.PasswordExpiryDays,
                Input.TwoFactorForEveryone, Input.IdleTimeoutMinutes, Input.AbsoluteTimeoutHours), actor, db, events, ct);
            TempData["Notice"] = "安全策略已保存。";
            return Redirect("/Admin/Security");
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            ModelState.AddDomainErrors(e);
            Accounts = await SecurityAdministration.AccountsAsync(actor, db, time, ct);
            return Page();
        }
    }

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => SecurityAdministration.UnlockAsync(id, actor, users, throttle, events, ct), "已解除锁定。");

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => SecurityAdministration.ResetTwoFactorAsync(id, actor, users, events, ct), "动态口令已重置，该账号下次登录时须重新绑定。");

    private async Task<IActionResult> ActAsync(Func<Task> action, string notice)
    {
        try
        {
            await action();
            TempData["Notice"] = notice;
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.NotFound)
        {
            TempData["Notice"] = e.Message;
        }
        return Redirect("/Admin/Security");
    }
}
