using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Admin;

/// <summary>A page of the system administrator (三员分立): every handler answers 403 to anyone else.</summary>
public abstract class SystemAdminPage(CurrentActor current) : PageModel
{
    /// <summary>The signed-in administrator, loaded before any handler runs.</summary>
    protected Actor Actor { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Actor = await current.GetAsync(HttpContext.RequestAborted);
        if (!AdminAccess.IsSystemAdmin(Actor))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }
}
