using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SafeHarbor.Cases;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>On pages, a case outside the user's scope is "not found" and a duty they do not hold is "denied".</summary>
public sealed class DomainExceptionPageFilter : IAsyncPageFilter
{
    /// <summary>Where the refusal's own words wait for the error page, which is re-executed on the same request.</summary>
    public const string RefusalReasonKey = "SafeHarbor.RefusalReason";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is DomainException { Kind: ErrorKind.NotFound or ErrorKind.Forbidden } e && !executed.ExceptionHandled)
        {
            if (e.Kind == ErrorKind.Forbidden)
            {
                // The error page (re-executed on the same request) says why, in the rule's own words.
                context.HttpContext.Items[RefusalReasonKey] = e.Message;
            }
            executed.Result = e.Kind == ErrorKind.NotFound ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status403Forbidden);
            executed.ExceptionHandled = true;
        }
    }
}
