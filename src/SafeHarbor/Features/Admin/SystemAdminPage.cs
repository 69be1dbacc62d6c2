using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;

namespace SafeHarbor.Features.Admin;

/// <summary>A page of the system administrator (三员分立): every handler answers 403 to anyone else.</summary>
public abstract class SystemAdminPage(Actor actor) : PageModel
{
    /// <summary>The signed-in administrator.</summary>
    protected Actor Actor { get; } = actor;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!AdminAccess.IsSystemAdmin(Actor))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }
}
