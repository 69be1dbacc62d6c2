using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>A page only the holders of one role open (an administrator's page, 三员分立): every handler answers 403 to anyone else.</summary>
public abstract class RolePage(Actor actor, Role role) : PageModel
{
    /// <summary>The signed-in user, who holds the page's role.</summary>
    protected Actor Actor { get; } = actor;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Actor.Has(role))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }
}
