using SafeHarbor.Cases;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>The page where each step of the procedure is done.</summary>
public static class StepLinks
{
    public static string For(CaseAction action, Guid caseId, Guid? meetingId) => action switch
    {
        CaseAction.Apply or CaseAction.UploadEvidence => $"/Cases/{caseId}/Apply",
        CaseAction.StartVerification or CaseAction.RecordFinding or CaseAction.ClassifyError or CaseAction.RequestGuidance or CaseAction.RequestSupplement
            or CaseAction.SubmitReport or CaseAction.ReopenVerification => $"/Cases/{caseId}/Verify",
        CaseAction.ReplyGuidance => $"/Cases/{caseId}/Guidance",
        CaseAction.SubmitSupplement => $"/Cases/{caseId}/Supplement",
        CaseAction.Schedule => "/Meetings",
        CaseAction.Vote or CaseAction.RecordShowOfHands or CaseAction.Decide or CaseAction.RecordRecusal or CaseAction.Postpone =>
            meetingId is { } m ? $"/Meetings/{m}" : "/Meetings",
        CaseAction.IssueFeedback or CaseAction.RecordDelivery or CaseAction.Acknowledge => $"/Cases/{caseId}/Feedback",
        CaseAction.Publish => $"/Cases/{caseId}/Publish",
        CaseAction.Archive => $"/Cases/{caseId}/Archive",
        CaseAction.Withdraw => $"/Cases/{caseId}/Withdraw",
        CaseAction.AcceptApplication or CaseAction.RefuseApplication => $"/Cases/{caseId}/Timeliness",
        _ => $"/Cases/{caseId}",
    };
}
