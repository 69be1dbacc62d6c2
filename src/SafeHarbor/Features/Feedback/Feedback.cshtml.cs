using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Feedback;

/// <summary>Art. 5(4): the written result with explanation, its delivery, and the applicant's acknowledgement.</summary>
public sealed class FeedbackModel(PageServices services) : CasePageBase(services)
{
    public sealed class IssueInput
    {
        public string? ResultText { get; set; }
        public string? Explanation { get; set; }
    }

    public sealed class DeliveryInput
    {
        public DateOnly? DeliveredOn { get; set; }
        public string? Method { get; set; }
        public string? Recipient { get; set; }
    }

    public sealed class AcknowledgeInput
    {
        public string? Comment { get; set; }
    }

    [BindProperty] public IssueInput Issue { get; set; } = new();
    [BindProperty] public DeliveryInput Delivery { get; set; } = new();
    [BindProperty] public AcknowledgeInput Acknowledgement { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.IssueFeedback, CaseAction.RecordDelivery, CaseAction.Acknowledge];

    public FeedbackNotice? Notice { get; private set; }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Notice = await FeedbackQueries.NoticeAsync(Services.Db, Record, Actor, ct);
        if (Case.Decision is { } d && Issue.ResultText is null)
        {
            Issue.ResultText = $"经{Policy.Decision.Body}{d.MeetingTitle}集体研究，认定：{d.OutcomeName}。{d.Mitigation}";
        }
        Delivery.DeliveredOn ??= Today;
        Delivery.Recipient ??= Case.Application?.ApplicantName;
    }

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) =>
        StepAsync(actor => IssueFeedback.HandleAsync(Id, ExpectedVersion, new IssueFeedback.IssueRequest(Issue.ResultText, Issue.Explanation), actor, Services.Runner, ct),
            "认定结果已书面反馈，请登记送达。", ct, $"/Cases/{Id}/Feedback", errorPrefix: "Issue");

    public Task<IActionResult> OnPostDeliveryAsync(CancellationToken ct) =>
        StepAsync(actor => RecordDelivery.HandleAsync(Id, ExpectedVersion, new RecordDelivery.DeliveryRequest(Delivery.DeliveredOn, Delivery.Method, Delivery.Recipient), actor, Services.Runner, ct),
            "已登记送达，等待申请方签收确认。", ct, errorPrefix: "Delivery");

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        StepAsync(actor => AcknowledgeFeedback.HandleAsync(Id, ExpectedVersion, new AcknowledgeFeedback.AcknowledgeRequest(Acknowledgement.Comment), actor, Services.Runner, ct),
            "已签收确认认定结果。", ct, errorPrefix: "Acknowledgement");
}
