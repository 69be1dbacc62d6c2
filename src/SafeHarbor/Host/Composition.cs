using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SafeHarbor.Calendar;
using SafeHarbor.Features.AbuseReports;
using SafeHarbor.Features.Admin;
using SafeHarbor.Features.Applications;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.AuditTrail;
using SafeHarbor.Features.Auth;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.CaseFiles;
using SafeHarbor.Features.Checkpoints;
using SafeHarbor.Features.Correction;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Incentives;
using SafeHarbor.Features.Matters;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Features.Prevention;
using SafeHarbor.Features.Profiles;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Reference;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Features.Security;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.Infrastructure.Telemetry;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;
using Scalar.AspNetCore;

namespace SafeHarbor.Host;

/// <summary>Composes the application: the services every entry point (web, CLI, tests) shares, and the web endpoints.</summary>
public static class Composition
{
    /// <summary>Everything but the web endpoints. Configuration is read when a service is first resolved.</summary>
    public static IServiceCollection AddSafeHarborCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // The calendar can gain next year's notice while the app runs (/Admin/Calendar, on any node): the source
        // is one per process, filled from the database at start and by CalendarRefresher, and each use asks it
        // for the calendar in force now.
        services.AddSingleton(sp => CalendarSource.Open(sp.GetRequiredService<IConfiguration>()["Calendar:Directory"]));
        services.AddTransient(sp => sp.GetRequiredService<CalendarSource>().Current);
        services.AddSingleton(sp => PolicyCatalog.LoadFrom(
            sp.GetRequiredService<IConfiguration>()["Policy:Directory"] is { Length: > 0 } dir ? dir : PolicyCatalog.DefaultDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Evidence").Get<EvidenceOptions>() ?? new EvidenceOptions());
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<IStoredFileOwner, EvidenceFileOwner>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Archive").Get<ArchiveOptions>() ?? new ArchiveOptions());
        services.AddCaseDocuments();
        services.AddProvisionalDeadlines();
        services.AddScoped<IDeadlineOwner, ApplicationDeadlines>();
        services.AddScoped<IDeadlineOwner, SupplementDeadlines>();
        services.AddScoped<IDeadlineOwner, MeasureDeadlines>();
        services.AddCorrection();
        services.AddPrevention();
        services.AddResultUses();
        services.AddAssessment();
        services.AddIncentives();
        services.AddAbuseReports();
        services.AddPersistence();
        services.AddFileStorage();
        services.AddSafeHarborMetrics();
        services.AddSecurity();
        services.AddCheckpoints();
        services.AddAuth();
        return services;
    }

    public static WebApplicationBuilder AddSafeHarborWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddSafeHarborCore();
        // PDFs are made off the request path; only the web host runs the worker (the CLI converts in place).
        builder.Services.AddPdfWorker();
        // Years another node added reach this one's calendar (only a long-running host needs it).
        builder.Services.AddHostedService<CalendarRefresher>();
        // Leftovers of interrupted uploads and document jobs (only a long-running host sweeps).
        builder.Services.AddSingleton<LeftoverSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeftoverSweeper>());
        // Signs the bureaus' chain heads into the checkpoint folder (and creates the key at the first start).
        builder.Services.AddHostedService<CheckpointService>();
        builder.Services.AddSafeHarborHealthChecks();
        builder.Services.AddProxyHeaders();
        builder.Services.AddRateLimits();
        builder.Services.AddSafeHarborTelemetry();
        builder.Services.AddWebUi();
        builder.Services.AddSignedInActor();
        builder.Services.AddSingleton<INavigation, Navigation>();
        builder.Services.AddScoped<PageServices>();
        // A bare status the framework answers itself (no body, wrong media type, no such method) is told in Chinese too.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiExceptionHandler.DescribeBareStatus);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            // Enums by name only: a number like 7 must not slip through as some member.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Every string and date of every request body is held to the rule no field may break (control characters, length, date range).
            o.SerializerOptions.Converters.Add(new RefusedTextJsonConverter());
            o.SerializerOptions.Converters.Add(new RefusedDateJsonConverter());
        });
        builder.Services.AddOpenApi(o =>
        {
            // A use case's request is its nested Request (RegisterMatter.Request, ClosePlan.Request): named after the use
            // case, or they would all share one schema.
            o.CreateSchemaReferenceId = type => type.Type is { IsNested: true, Name: "Request", DeclaringType: { } useCase }
                ? useCase.Name + "Request"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SafeHarbor 容错免责与激励管理系统 API",
                    Version = "v1",
                    Description = "依据信市监〔2022〕131号办理容错免责：问责事项登记、申请、核实、认定、反馈、公开、备案。先 POST /api/auth/login 取得令牌，再以 Authorization: Bearer <token> 调用。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "POST /api/auth/login 返回的 accessToken",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapSafeHarbor(this WebApplication app)
    {
        // First the client's real address and scheme (behind a proxy), then one log line for the whole request.
        app.UseForwardedHeaders();
        app.UseRequestLog();
        app.UseSecurityHeaders();
        // A refused request (403) of a signed-in user is an entry of their bureau's audit chain, however it was refused.
        app.UseRefusalAudit();
        // API failures answer ProblemDetails (ApiExceptionHandler); page failures show /Error.
        app.UseExceptionHandler("/Error");
        app.UseWhen(c => ApiExceptionHandler.IsApi(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => !ApiExceptionHandler.IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        app.UseRequestBodyLimit();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseAuthorization();
        app.UseSignedInActor();
        app.UseSignInGate();
        app.UseAntiforgery();
        app.MapOpenApi();
        // Scalar's own fonts come from its CDN, which an intranet cannot reach and the CSP refuses: the system's fonts serve.
        app.MapScalarApiReference(o => o.WithTitle("SafeHarbor API").DisableDefaultFonts());
        app.MapRazorPages();
        app.MapAuth();
        app.MapSessions();
        app.MapOrganisation();
        app.MapSecurity();
        app.MapReference();
        app.MapMatters();
        app.MapCaseFiles();
        app.MapApplications();
        app.MapEvidence();
        app.MapVerification();
        app.MapDetermination();
        app.MapFeedback();
        app.MapPublication();
        app.MapArchive();
        app.MapArchivePackages();
        app.MapCaseDocuments();
        app.MapCorrection();
        app.MapPrevention();
        app.MapResultUses();
        app.MapAssessment();
        app.MapIncentives();
        app.MapProfiles();
        app.MapAbuseReports();
        app.MapAuditTrail();
        app.MapCheckpoints();
        app.MapProvisionalDeadlines();
        app.MapHealth();
        app.MapProbes();
        return app;
    }
}
