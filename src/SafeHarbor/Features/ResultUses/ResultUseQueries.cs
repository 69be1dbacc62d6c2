using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>What the result-use queries answer with, and the matter's exemption status the cadre review and the person's profile share.</summary>
public static class ResultUseQueries
{
    public sealed record Coverage(bool Covered, string Answer, IReadOnlyList<RecordView> Records);

    public sealed record RecordView(
        Guid Id, Guid CaseId, string CaseNumber, string MatterTitle, string SubjectName, string UseCode, string UseArticle, string UseText,
        Outcome Outcome, string OutcomeName, string? Mitigation, DateOnly DecidedOn);

    public sealed record MatterStatus(
        Guid CaseId, string CaseNumber, string MatterTitle, DateOnly AccountabilityStartedOn, CaseStatus Status, string StatusName,
        Outcome? Outcome, string Exemption, string? Mitigation, IReadOnlyList<string> Uses);

    public sealed record CadreReview(Guid PersonId, string PersonName, string UnitName, bool AnyVetoRisk, string Summary, IReadOnlyList<MatterStatus> Matters);

    /// <summary>The matter's exemption status in the words of the cadre review (干部廉政审查).</summary>
    public static string ExemptionStatus(Case c) => c.Decision switch
    {
        { Outcome: Outcome.Exempted } => "已予容错免责",
        { Outcome: Outcome.Mitigated } => "从轻或减轻处理",
        { Outcome: Outcome.NotExempted } => "不予容错免责",
        _ when c.Status is CaseStatus.Refused || c.WasRefusedAsLate => "申请不予受理",
        _ when c.Status is CaseStatus.Withdrawn || (c.Status is CaseStatus.Archived && c.Application is not null) => "申请已撤回",
        _ when c.Application is null => "未申请容错免责",
        _ => "容错免责程序进行中",
    };

    internal static RecordView View(ResultRecord r, PolicyCatalog policies) =>
        new(r.Id, r.CaseId, r.CaseNumber, r.MatterTitle, r.SubjectName, r.UseCode, r.UseArticle, r.UseText, r.Outcome,
            r.Outcome switch { Outcome.Exempted => "予以容错免责", Outcome.Mitigated => "从轻或减轻处理", _ => "不予容错免责" }, r.Mitigation, r.DecidedOn);
}
