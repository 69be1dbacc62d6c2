using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Publication;

/// <summary>How an exemption was made known (Art. 5(5)).</summary>
public enum PublicationMethod
{
    /// <summary>召开会议.</summary>
    Meeting,
    /// <summary>书面通报.</summary>
    Circular,
}

public sealed class PublicationRecord
{
    public Guid CaseId { get; set; }
    public PublicationMethod Method { get; set; }
    public required string Scope { get; set; }
    public DateOnly PublishedOn { get; set; }
    public string? Reference { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class PublicationRecordConfiguration : IEntityTypeConfiguration<PublicationRecord>
{
    public void Configure(EntityTypeBuilder<PublicationRecord> b)
    {
        b.ToTable("PublicationRecords");
        b.HasKey(p => p.CaseId);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Scope).HasMaxLength(200);
        b.Property(p => p.Reference).HasMaxLength(200);
    }
}

[Article("5(5)")]
public static class PublicationApi
{
    public sealed record PublishRequest(PublicationMethod Method, string? Scope, DateOnly? PublishedOn, string? Reference);

    public static string Chinese(this PublicationMethod method) => method == PublicationMethod.Meeting ? "召开会议" : "书面通报";

    public static IEndpointRouteBuilder MapPublication(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId:guid}/publication", async (Guid caseId, PublishRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await PublishAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .RequireAuthorization()
            .WithTags("公开")
            .WithSummary("在一定范围内公开容错免责结果（仅限认定予以容错免责的案件）");
        return app;
    }

    public static Task<CaseSnapshot> PublishAsync(Guid caseId, int? version, PublishRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Publish, (ctx, c, policy) =>
        {
            new Validation()
                .Require(Enum.IsDefined(r.Method), "method", "公开方式应为召开会议或书面通报。")
                .RequireText(r.Scope, "scope", "公开范围", 200)
                .Require(r.PublishedOn is not null, "publishedOn", "请填写公开日期。")
                .RequireDateBetween(r.PublishedOn, c.Decision!.DecidedOn, "认定日期", ctx.Today, "publishedOn", "公开日期")
                .Require(r.Reference is null || r.Reference.Length <= 200, "reference", "会议或通报名称不能超过 200 字。")
                .ThrowIfInvalid();
            c.Publish(actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["method"] = r.Method.Chinese(), ["scope"] = r.Scope!.Trim(), ["publishedOn"] = r.PublishedOn, ["reference"] = r.Reference?.Trim(),
            });
            ctx.Db.Add(new PublicationRecord
            {
                CaseId = c.Id, Method = r.Method, Scope = r.Scope.Trim(), PublishedOn = r.PublishedOn!.Value, Reference = r.Reference?.Trim(), RecordedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);
}
