using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseFiles;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>The documents of a case: which ones it can produce now, and each one as DOCX.</summary>
public static class DocumentsApi
{
    public static IServiceCollection AddCaseDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Bureau").Get<BureauOptions>() ?? new BureauOptions());
        services.AddSingleton<DocumentTemplateSource>();
        services.AddScoped<CaseDocumentService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/documents").WithTags("公文").RequireAuthorization();
        group.MapGet("/", async (Guid caseId, CurrentActor current, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct) =>
            await documents.ListAsync(await CaseFilesApi.LoadVisibleAsync(caseId, await current.GetAsync(ct), db, ct), ct))
            .WithSummary("本案可生成的公文及不能生成的原因");
        group.MapGet("/{kind}", async (Guid caseId, string kind, int? instance, CurrentActor current, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct) =>
            {
                var rendered = await RenderAsync(caseId, kind, instance, await current.GetAsync(ct), db, documents, ct);
                return Results.File(rendered.Content, CaseDocumentService.DocxType, rendered.FileName);
            })
            .WithSummary("下载公文（DOCX，GB/T 9704-2012 版式；首次出具时编发文字号）")
            .WithDescription("kind 为 application、investigation-report、guidance-request、supplement-notice、determination-opinion、meeting-extract、feedback-notice、refusal-notice、circular、filing-form、reminder-letter、talk-record、rectification-notice 之一；instance 选第几次的指导函或补充材料通知（从 0 起，默认最近一次）。");
        return app;
    }

    public static async Task<CaseDocumentService.Rendered> RenderAsync(Guid caseId, string kind, int? instance, Actor actor, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct)
    {
        if (!DocumentKinds.TryParse(kind, out var parsed))
        {
            throw DomainException.NotFound("document-kind-unknown", $"没有“{kind}”这种公文。可用：{string.Join("、", Enum.GetValues<DocumentKind>().Select(k => k.Slug()))}。");
        }
        var c = await CaseFilesApi.LoadVisibleAsync(caseId, actor, db, ct);
        try
        {
            return await documents.RenderDocxAsync(c, parsed, instance, actor, ct);
        }
        catch (DocumentUnavailableException e)
        {
            throw DomainException.Conflict("document-unavailable", e.Message);
        }
        catch (TemplateException e)
        {
            throw new DomainException(ErrorKind.Corrupted, "template-invalid", e.Message);
        }
    }
}
