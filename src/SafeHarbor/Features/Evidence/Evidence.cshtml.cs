using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Evidence;

/// <summary>
/// The browser's evidence upload. Form value binding is switched off, so the multipart body is
/// streamed to the store (hashed on the way) instead of being buffered; the antiforgery token comes
/// in a header.
/// </summary>
[DisableFormValueModelBinding]
public sealed class EvidenceModel(PageServices services, EvidenceStore store) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/Cases/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            var (view, version) = await UploadEvidence.HandleAsync(id, HttpContext, actor, services.Db, services.Runner, services.Policies, store, ct);
            return new JsonResult(new { view.Id, view.FileName, view.Size, view.Sm3, view.Stage, version });
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            return new JsonResult(new { error = e.Message }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }
}

/// <summary>Keeps model binding from reading (and so buffering) a request's form body.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableFormValueModelBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
