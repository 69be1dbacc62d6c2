using SafeHarbor.Cases;
using SafeHarbor.Documents;

namespace SafeHarbor.Tests.Workflow;

/// <summary>The disclosure table (who sees what) is whole and says what the measures require of it.</summary>
[Article("5")]
public sealed class DisclosureTableTests
{
    [Fact]
    public void Every_section_has_exactly_one_rule_and_every_document_a_section()
    {
        Assert.Equal(Enum.GetValues<CaseSection>().Order(), CaseDisclosure.Rules.Select(r => r.Section).Order());
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            Assert.Contains(CaseDisclosure.SectionOf(kind), Enum.GetValues<CaseSection>());
        }
    }

    [Theory]
    [InlineData(CaseSection.Findings)]
    [InlineData(CaseSection.Advice)]
    [InlineData(CaseSection.Guidance)]
    [InlineData(CaseSection.Report)]
    [InlineData(CaseSection.MeetingRecord)]
    [InlineData(CaseSection.VerificationEvidence)]
    public void Internal_material_never_reaches_a_party_and_always_reaches_the_bodies(CaseSection section)
    {
        foreach (var stage in Enum.GetValues<DisclosureStage>())
        {
            Assert.False(CaseDisclosure.Shows(section, Audience.Party, stage), $"{section} shown to a party at {stage}");
            Assert.True(CaseDisclosure.Shows(section, Audience.Body, stage), $"{section} hidden from the bodies at {stage}");
        }
    }

    [Fact]
    public void The_result_and_its_reasons_reach_the_party_with_the_written_feedback_and_not_before()
    {
        Assert.False(CaseDisclosure.Shows(CaseSection.Decision, Audience.Party, CaseDisclosure.StageOf(CaseStatus.Decided, decided: true)));
        foreach (var status in new[] { CaseStatus.FeedbackIssued, CaseStatus.Delivered, CaseStatus.Acknowledged, CaseStatus.Published, CaseStatus.Archived })
        {
            Assert.True(CaseDisclosure.Shows(CaseSection.Decision, Audience.Party, CaseDisclosure.StageOf(status, decided: true)), status.ToString());
        }
        // A case withdrawn after its report and then archived never reached feedback: its report and advice stay closed.
        Assert.Equal(DisclosureStage.ClosedWithoutDecision, CaseDisclosure.StageOf(CaseStatus.Archived, decided: false));
    }

    [Fact]
    public void The_applicants_own_material_and_the_notices_addressed_to_them_are_always_theirs()
    {
        foreach (var stage in Enum.GetValues<DisclosureStage>())
        {
            Assert.True(CaseDisclosure.Shows(CaseDisclosure.SectionOf(DocumentKind.Application), Audience.Party, stage));
            Assert.True(CaseDisclosure.Shows(CaseDisclosure.SectionOf(DocumentKind.SupplementNotice), Audience.Party, stage));
            Assert.True(CaseDisclosure.Shows(CaseDisclosure.SectionOf(DocumentKind.RefusalNotice), Audience.Party, stage));
        }
        Assert.Equal(CaseSection.VerificationEvidence, CaseDisclosure.SectionOfEvidence(CaseDisclosure.VerificationEvidenceStage));
        Assert.Equal(CaseSection.ApplicantEvidence, CaseDisclosure.SectionOfEvidence("补充材料"));
    }
}
