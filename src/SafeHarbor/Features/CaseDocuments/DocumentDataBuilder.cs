using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>Gathers a case's facts from every stage into the named fields the templates use.</summary>
public static class DocumentDataBuilder
{
    /// <param name="instance">Which guidance or supplement request (0 = the first); null = the latest.</param>
    public static async Task<DocumentData> BuildAsync(SafeHarborDb db, Case c, PolicyVersion policy, int? instance, CancellationToken ct)
    {
        // The case's bureau speaks in its documents: its names, letterhead and 发文机关代字.
        var bureau = await db.Bureaus.AsNoTracking().SingleAsync(b => b.Id == c.BureauId, ct);
        var d = new DocumentData(c.Number)
        {
            ["bureau.name"] = bureau.Name,
            ["bureau.shortName"] = bureau.ShortName,
            ["bureau.partyGroup"] = bureau.PartyGroup,
            ["bureau.office"] = bureau.Office,
            ["bureau.discipline"] = bureau.Discipline,
            ["bureau.partyCommittee"] = bureau.PartyCommittee,
            ["bureau.guidanceGroup"] = bureau.GuidanceGroup,
            ["policy.documentNumber"] = policy.DocumentNumber,
            ["policy.title"] = policy.Title,
            ["policy.window"] = policy.ApplicationWindow.Text,
            ["policy.submitTo"] = policy.ApplicationWindow.SubmitTo,
            ["policy.decisionBody"] = policy.Decision.Body,
            ["case.number"] = c.Number,
            ["case.title"] = c.Title,
            ["case.description"] = c.Description,
            ["case.businessField"] = c.BusinessField,
            ["case.startedBy"] = c.StartedBy,
            ["case.startedOn"] = c.AccountabilityStartedOn,
            ["case.deadline"] = c.ApplicationDue,
            ["case.subjects"] = string.Join("、", c.Subjects.Select(s => s.Name)),
            ["case.status"] = ResultText(c, policy),
            // How a notice addresses its reader: a person is 你, a unit 你单位 (the applicant, else the subject held accountable).
            ["addressee.you"] = (c.Application?.ApplicantKind ?? c.Subjects.FirstOrDefault()?.Kind) == SubjectKind.Unit ? "你单位" : "你",
        };

        if (c.Application is { } a)
        {
            d["application.applicantName"] = a.ApplicantName;
            d["application.kind"] = a.ApplicantKind == SubjectKind.Unit ? "单位" : "个人";
            d["application.submittedOn"] = a.SubmittedOn;
            d["application.facts"] = a.Facts;
            d["application.effectAndLosses"] = a.EffectAndLosses;
            d["application.recoveryMeasures"] = a.RecoveryMeasures;
            d.SetList("claims", c.Claims.Select(x => Item(
                ("article", policy.FindItem(x.ItemCode)?.Article), ("title", policy.FindItem(x.ItemCode)?.Title),
                ("text", policy.FindItem(x.ItemCode)?.Text), ("explanation", x.Explanation))));
        }
        if (c.WasRefusedAsLate)
        {
            d["refusal.reason"] = c.ClosingReason;
        }
        d.SetList("findings", c.Findings.Select(f => Item(
            ("article", policy.FindFindingItem(f.ItemCode)?.Article), ("title", policy.FindFindingItem(f.ItemCode)?.Title),
            ("verdict", f.Verdict.Chinese()), ("note", f.Note))));

        var guidance = await db.Set<GuidanceRequest>().AsNoTracking().Where(g => g.CaseId == c.Id).OrderBy(g => g.RequestedOn).ToListAsync(ct);
        if (Pick(guidance, instance) is { } g)
        {
            d["guidance.question"] = g.Question;
            d["guidance.requestedOn"] = g.RequestedOn;
            d["guidance.reply"] = g.Reply;
        }
        var supplements = await db.Set<SupplementRequest>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.RequestedOn).ToListAsync(ct);
        if (Pick(supplements, instance) is { } s)
        {
            d["supplement.items"] = s.Items;
            d["supplement.requestedOn"] = s.RequestedOn;
            d["supplement.dueOn"] = new Calendar.ComputedDate(s.DueOn, s.DueProvisionalReason);
        }
        if (c.Report is { } r)
        {
            d["report.text"] = r.Text;
            d["report.recommendation"] = policy.OutcomeName(r.Recommendation);
            d["report.submittedOn"] = Calendar.ChinaClock.ToChinaDate(r.SubmittedAt);
        }
        if (c.Findings.Count > 0)
        {
            d["advice.summary"] = (await CaseAdvice.ForAsync(db, c, policy, AdviceStage.Verified, ct)).Summary;
        }

        if (c.Decision is { } decision)
        {
            d["decision.outcome"] = policy.OutcomeName(decision.Outcome);
            d["decision.reasons"] = decision.Reasons;
            d["decision.mitigation"] = decision.Mitigation;
            d["decision.departureReason"] = decision.DepartureReason;
            d["decision.decidedOn"] = decision.DecidedOn;
            d.SetList("resultUses", policy.ResultUses.Where(u => u.AppliesToOutcome(decision.Outcome)).Select(u => Item(("article", u.Article), ("text", u.Text))));
            if (decision.Outcome is Outcome.Exempted or Outcome.Mitigated)
            {
                d["addressee.name"] = c.Application?.ApplicantName ?? string.Join("、", c.Subjects.Select(x => x.Name));
            }
            var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == decision.MeetingId, ct);
            if (meeting is not null)
            {
                AddMeeting(d, meeting, c, policy);
            }
        }

        var feedback = await db.Set<FeedbackNotice>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct);
        if (feedback is not null)
        {
            d["feedback.resultText"] = feedback.ResultText;
            d["feedback.explanation"] = feedback.Explanation;
            d["feedback.issuedOn"] = feedback.IssuedOn;
            d["feedback.deliveredOn"] = feedback.DeliveredOn;
            d["feedback.deliveryMethod"] = feedback.DeliveryMethod;
            d["feedback.recipient"] = feedback.Recipient;
        }
        var publication = await db.Set<PublicationRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == c.Id, ct);
        if (publication is not null)
        {
            d["publication.method"] = publication.Method.Chinese();
            d["publication.scope"] = publication.Scope;
            // A 通报 document exists only when the case was made known by a written circular.
            d["publication.circularScope"] = publication.Method == PublicationMethod.Circular ? publication.Scope : null;
            d["publication.publishedOn"] = publication.PublishedOn;
            d["publication.reference"] = publication.Reference;
        }
        var evidence = await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        d.SetList("evidence", evidence.Select(f => Item(("name", f.FileName), ("description", f.Description), ("sm3", f.Sm3), ("sha256", f.Sha256))));
        var archive = await db.Set<ArchiveRecord>().AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == c.Id, ct);
        if (archive is not null)
        {
            d["archive.number"] = archive.ArchiveNumber;
            d["archive.retention"] = ArchiveApi.Retentions.GetValueOrDefault(archive.Retention, archive.Retention);
            d["archive.archivedOn"] = archive.ArchivedOn;
            d["archive.auditHash"] = archive.AuditChainHash;
            var manifest = JsonSerializer.Deserialize<List<ManifestItem>>(archive.ManifestJson, Audit.AuditLog.DetailsJson) ?? [];
            // The form names what is filed, in Chinese; the hashes are the archive manifest's business.
            d.SetList("archiveItems", FiledDocuments(c, guidance.Count, supplements.Count, feedback is not null, publication)
                .Concat(evidence.Select(f => (f.FileName + (f.Description.Length > 0 ? $"（{f.Description}）" : ""), "证明材料（" + f.Stage + "）")))
                .Append(("案件办理记录", "电子记录（含全部办理过程）"))
                .Select((x, i) => Item(("index", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("name", x.Item1), ("kind", x.Item2))));
        }
        return d;
    }

    /// <summary>The official documents a filed case holds, by their Chinese names.</summary>
    private static IEnumerable<(string Name, string Kind)> FiledDocuments(Case c, int guidance, int supplements, bool feedback, PublicationRecord? publication)
    {
        const string document = "公文";
        if (c.Application is not null)
        {
            yield return (DocumentKind.Application.Chinese(), document);
        }
        if (c.WasRefusedAsLate)
        {
            yield return (DocumentKind.RefusalNotice.Chinese(), document);
        }
        foreach (var (kind, count) in new[] { (DocumentKind.GuidanceRequest, guidance), (DocumentKind.SupplementNotice, supplements) })
        {
            for (var i = 0; i < count; i++)
            {
                yield return (count > 1 ? $"{kind.Chinese()}（第{i + 1}份）" : kind.Chinese(), document);
            }
        }
        if (c.Report is not null)
        {
            yield return (DocumentKind.InvestigationReport.Chinese(), document);
        }
        if (c.Decision is not null)
        {
            yield return (DocumentKind.MeetingExtract.Chinese(), document);
            yield return (DocumentKind.DeterminationOpinion.Chinese(), document);
        }
        if (feedback)
        {
            yield return (DocumentKind.FeedbackNotice.Chinese(), document);
        }
        if (publication?.Method == PublicationMethod.Circular)
        {
            yield return (DocumentKind.Circular.Chinese(), document);
        }
    }

    private static void AddMeeting(DocumentData d, Meeting meeting, Case c, PolicyVersion policy)
    {
        var members = meeting.Members.OrderBy(m => m.Order).ToList();
        var recused = meeting.Recusals.Where(r => r.CaseId == c.Id).ToList();
        var votes = meeting.Votes.Where(v => v.CaseId == c.Id).OrderBy(v => v.CastAt).ToList();
        string Name(Guid person) => members.FirstOrDefault(m => m.PersonId == person)?.Name ?? "";
        d["meeting.title"] = meeting.Title;
        d["meeting.heldOn"] = meeting.HeldOn;
        d["meeting.place"] = meeting.Place;
        d["meeting.entitled"] = meeting.Entitled;
        d["meeting.present"] = meeting.Present;
        d["meeting.presentNames"] = string.Join("、", members.Where(m => m.Present).Select(m => m.Name));
        d["meeting.absentNames"] = string.Join("；", members.Where(m => !m.Present).Select(m => $"{m.Name}（{m.AbsenceReason}）"));
        d["meeting.quorum"] = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present).Message;
        d["meeting.tally"] = votes.Count == 0
            ? "无表决记录。"
            : string.Join("，", votes.GroupBy(v => v.Choice).Select(g => $"{g.Key.Chinese()} {g.Count()} 票")) + $"（应到会 {meeting.Entitled} 人）。";
        d.SetList("recusals", recused.Select(r => Item(("name", Name(r.PersonId)), ("reason", r.Reason))));
        d.SetList("votes", votes.Select(v => Item(("name", Name(v.PersonId)), ("choice", v.Choice.Chinese()))));
    }

    /// <summary>What became of the case, as a filing form records it.</summary>
    private static string ResultText(Case c, PolicyVersion policy) => c switch
    {
        { Decision: { } decision } => policy.OutcomeName(decision.Outcome),
        { WasRefusedAsLate: true } => "不予受理",
        { Status: CaseStatus.Withdrawn } or { Status: CaseStatus.Archived, Application: not null } => "申请方撤回申请",
        _ => c.Status.Chinese(),
    };

    private static T? Pick<T>(IReadOnlyList<T> items, int? instance) where T : class =>
        instance is { } i ? (i >= 0 && i < items.Count ? items[i] : null) : items.LastOrDefault();

    private static IReadOnlyDictionary<string, string?> Item(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);
}
