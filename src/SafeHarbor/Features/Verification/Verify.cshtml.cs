using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>
/// The verification workspace of 局机关纪委 (Art. 5(2)): a finding on every condition and exclusion with
/// the advice beside it, the repeat-error warning, guidance and supplement requests, the report.
/// </summary>
public sealed class VerifyModel(PageServices services) : CasePageBase(services)
{
    /// <summary>One item of the findings form; no default verdict: an item nobody has judged stays 未核实.</summary>
    public sealed class FindingInput
    {
        public string? ItemCode { get; set; }
        public Verdict? Verdict { get; set; }
        public string? Note { get; set; }
    }

    public sealed class RepeatInput
    {
        public Verdict? Verdict { get; set; }
        public string? EarlierCase { get; set; }
        public string? Note { get; set; }
    }

    public sealed class GuidanceInput
    {
        public string? Question { get; set; }
    }

    public sealed class SupplementInput
    {
        public string? Items { get; set; }
        public int WorkingDays { get; set; } = 5;
    }

    public sealed class ReportInput
    {
        public string? Text { get; set; }
        public Outcome Recommendation { get; set; } = Outcome.Exempted;
    }

    public sealed class ReopenInput
    {
        public string? Reason { get; set; }
    }

    [BindProperty] public List<FindingInput> Findings { get; set; } = [];
    [BindProperty] public RepeatInput Repeat { get; set; } = new();
    [BindProperty] public GuidanceInput Guidance { get; set; } = new();
    [BindProperty] public SupplementInput Supplement { get; set; } = new();
    [BindProperty] public ReportInput Report { get; set; } = new();
    [BindProperty] public string? ErrorKind { get; set; }
    [BindProperty] public string? WorkItem { get; set; }
    [BindProperty] public ReopenInput Reopen { get; set; } = new();

    public EligibilityAdvice? Advice { get; private set; }

    protected override IReadOnlyCollection<CaseAction> Steps =>
        [CaseAction.StartVerification, CaseAction.RecordFinding, CaseAction.RequestGuidance, CaseAction.RequestSupplement, CaseAction.SubmitReport, CaseAction.ReopenVerification];

    public IReadOnlyList<GuidanceRequest> GuidanceRequests { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Advice = await CaseAdvice.ForAsync(Services.Db, Record, Policy,
            Case.Findings.Count > 0 ? AdviceStage.Verified : AdviceStage.Claimed, ct);
        GuidanceRequests = await VerificationQueries.GuidanceAsync(Services.Db, Record, Actor, ct);
    }

    public FindingView? FindingFor(string code) => Case.Findings.FirstOrDefault(f => f.Code == code);

    /// <summary>What the form shows for an item: what was just posted (after a refusal nothing typed is lost), else the recorded finding.</summary>
    public (Verdict? Verdict, string? Note) ShownFinding(string code) =>
        Findings.FirstOrDefault(f => f.ItemCode == code) is { } posted
            ? (posted.Verdict, posted.Note)
            : FindingFor(code) is { } recorded ? (recorded.Verdict, recorded.Note) : (null, null);

    /// <summary>The refusal messages of one item of the findings form.</summary>
    public IEnumerable<string> ErrorsFor(string code) =>
        ModelState.Where(kv => string.Equals(kv.Key, $"Findings.{code}", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value!.Errors.Select(e => e.ErrorMessage));

    /// <summary>A specific condition the applicant did not claim needs no finding; it shows 未主张 until one is recorded.</summary>
    public bool IsUnclaimedCondition(PolicyItem item) =>
        Policy.Conditions.Items.Any(i => i.Code == item.Code) && ClaimFor(item.Code) is null;

    public ClaimView? ClaimFor(string code) => Case.Application?.Claims.FirstOrDefault(c => c.Code == code);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        StepAsync(actor => StartVerification.HandleAsync(Id, ExpectedVersion, actor, Services.Runner, ct),
            "已开始调查核实。", ct, $"/Cases/{Id}/Verify");

    public Task<IActionResult> OnPostFindingsAsync(CancellationToken ct) =>
        StepAsync(actor => RecordFindings.HandleAsync(Id, ExpectedVersion,
                new RecordFindings.FindingsRequest(Findings.Select(f => new FindingEntry(f.ItemCode, f.Verdict, f.Note)).ToList()), actor, Services.Runner, ct),
            "已保存核实意见。", ct, $"/Cases/{Id}/Verify#findings", errorPrefix: "Findings");

    public Task<IActionResult> OnPostRepeatAsync(CancellationToken ct) =>
        StepAsync(actor =>
            {
                new Validation().Require(Repeat.Verdict is not null, "verdict", "请选择是否属于重复失误。").ThrowIfInvalid();
                return RecordRepeatFinding.HandleAsync(Id, ExpectedVersion, new RecordRepeatFinding.RepeatFindingRequest(Repeat.Verdict!.Value, Repeat.Note, Repeat.EarlierCase), actor, Services.Runner, ct);
            },
            "已记录重复失误的核实意见。", ct, $"/Cases/{Id}/Verify#repeat", errorPrefix: "Repeat");

    public Task<IActionResult> OnPostClassifyAsync(CancellationToken ct) =>
        StepAsync(actor => ClassifyError.HandleAsync(Id, ExpectedVersion, new ClassifyError.ErrorKindInput(ErrorKind, WorkItem), actor, Services.Runner, ct),
            "已确定工作事项和失误类型。", ct, $"/Cases/{Id}/Verify", errorPrefix: "");

    public Task<IActionResult> OnPostGuidanceAsync(CancellationToken ct) =>
        StepAsync(actor => RequestGuidance.HandleAsync(Id, ExpectedVersion, new RequestGuidance.GuidanceRequestInput(Guidance.Question), actor, Services.Runner, ct),
            "已向驻局纪检监察组申请指导。", ct, $"/Cases/{Id}/Verify", errorPrefix: "Guidance");

    public Task<IActionResult> OnPostSupplementAsync(CancellationToken ct) =>
        StepAsync(actor => RequestSupplement.HandleAsync(Id, ExpectedVersion, new RequestSupplement.SupplementRequestInput(Supplement.Items, Supplement.WorkingDays),
                actor, Services.Runner, Services.Calendar, ct),
            "已通知申请方补充材料。", ct, errorPrefix: "Supplement");

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) =>
        StepAsync(actor => SubmitReport.HandleAsync(Id, ExpectedVersion, new SubmitReport.ReportInput(Report.Text, Report.Recommendation), actor, Services.Runner, ct),
            "书面调查报告已提交，等待局党组集体研究。", ct, errorPrefix: "Report");

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        StepAsync(actor => ReopenVerification.HandleAsync(Id, ExpectedVersion, new ReopenVerification.ReopenInput(Reopen.Reason), actor, Services.Runner, ct),
            "已重新核实，原报告作废，请更正核实意见后重新出具报告。", ct, $"/Cases/{Id}/Verify", errorPrefix: "Reopen");
}
