namespace SafeHarbor.Documents;

/// <summary>The written artefacts the measures name, each with its template file.</summary>
public enum DocumentKind
{
    Application,
    InvestigationReport,
    GuidanceRequest,
    SupplementNotice,
    DeterminationOpinion,
    MeetingExtract,
    FeedbackNotice,
    RefusalNotice,
    Circular,
    FilingForm,
    ReminderLetter,
    TalkRecord,
    RectificationNotice,
}

public static class DocumentKinds
{
    public static string Chinese(this DocumentKind kind) => kind switch
    {
        DocumentKind.Application => "容错免责申请书",
        DocumentKind.InvestigationReport => "书面调查报告",
        DocumentKind.GuidanceRequest => "申请指导函",
        DocumentKind.SupplementNotice => "补充材料通知",
        DocumentKind.DeterminationOpinion => "认定意见",
        DocumentKind.MeetingExtract => "会议纪要摘录",
        DocumentKind.FeedbackNotice => "结果反馈通知书",
        DocumentKind.RefusalNotice => "不予受理通知书",
        DocumentKind.Circular => "通报",
        DocumentKind.FilingForm => "备案登记表",
        DocumentKind.ReminderLetter => "提醒函",
        DocumentKind.TalkRecord => "谈话记录",
        DocumentKind.RectificationNotice => "整改通知",
        _ => kind.ToString(),
    };

    /// <summary>The name used on the command line and for the template file (kebab case).</summary>
    public static string Slug(this DocumentKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse(string? text, out DocumentKind kind)
    {
        foreach (var k in Enum.GetValues<DocumentKind>())
        {
            if (string.Equals(text, k.Slug(), StringComparison.OrdinalIgnoreCase) || string.Equals(text, k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
