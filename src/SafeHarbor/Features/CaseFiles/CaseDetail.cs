using SafeHarbor.Features.Archive;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Shared;
using SafeHarbor.Features.Verification;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>Everything of one case the actor may see: the case itself and every stage's records.</summary>
public sealed record CaseDetail : CaseView
{
    public CaseDetail(CaseView core) : base(core)
    {
    }

    public required IReadOnlyList<GuidanceRequest> GuidanceRequests { get; init; }
    public required IReadOnlyList<SupplementRequest> SupplementRequests { get; init; }
    public required FeedbackNotice? Feedback { get; init; }
    public required PublicationRecord? Publication { get; init; }
    public required ArchiveRecord? Archive { get; init; }
    public required IReadOnlyList<EvidenceView> Evidence { get; init; }
    public required IReadOnlyList<AbuseFinding> SubstantiatedAbuse { get; init; }
}
