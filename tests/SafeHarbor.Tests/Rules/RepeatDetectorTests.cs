using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Rules;

/// <summary>
/// Art. 7: an earlier exempted case of the same unit or person on the same work or problem — decided on the
/// structured facts (field, work item, kind of error); wording similarity only ranks and points at candidates.
/// </summary>
[Article("7")]
public sealed class RepeatDetectorTests
{
    private static readonly RepeatSubject Zhang = new(Guid.NewGuid(), "张三");
    private static readonly RepeatSubject Li = new(Guid.NewGuid(), "李四");

    private static readonly RepeatRule SameField = new("第七条", "一般不予容错", Outcome.NotExempted, 0.35, RequireSameField: true);

    private const string Title = "对首次违法的商户作出不予处罚决定后当事人再次违法";

    private static RepeatCase Matter(
        string title, string field = "食品安全", string description = "", RepeatSubject[]? subjects = null,
        string? workItem = "监督抽检", string? errorKind = "跟踪复查不到位") =>
        new(Guid.NewGuid(), "2026-0001", title, description, field, workItem, errorKind, subjects ?? [Zhang], new DateOnly(2025, 6, 1));

    [Fact]
    public void Identical_titles_are_fully_similar()
    {
        Assert.Equal(1.0, RepeatDetector.Similarity(Title, Title));
    }

    [Fact]
    public void Unrelated_texts_are_not_similar()
    {
        Assert.Equal(0.0, RepeatDetector.Similarity("特种设备检验", "价格欺诈投诉"));
        Assert.Equal(0.0, RepeatDetector.Similarity("", ""));
    }

    [Fact]
    public void Similarity_ignores_punctuation_and_width()
    {
        Assert.Equal(1.0, RepeatDetector.Similarity("不予处罚，ＡＢ", "不予处罚AB"));
    }

    [Fact]
    public void Same_facts_of_the_same_person_in_the_same_field_are_a_repeat()
    {
        var earlier = Matter(Title);

        var match = RepeatDetector.Compare(Matter(Title), earlier, SameField);

        Assert.NotNull(match);
        Assert.True(match.IsRepeat);
        Assert.Equal(1.0, match.Similarity);
        Assert.Equal(earlier.Id, match.CaseId);
        Assert.Equal(earlier.Number, match.CaseNumber);
    }

    [Fact]
    public void The_same_work_and_problem_told_in_other_words_is_a_repeat()
    {
        var earlier = Matter("城东分局对首次轻微违法食品经营者不予处罚后抽检复查不及时",
            description: "对3家首次轻微违法的小微食品经营者依法不予处罚后，未按计划在30日内开展跟踪抽检复查。");
        var reworded = Matter("何某未按期对免罚商户回访取样",
            description: "本季度两户免予处罚的熟食店，回访取样拖延至期满后二十余日。");
        Assert.True(RepeatDetector.Similarity(reworded.Title + reworded.Description, earlier.Title + earlier.Description) < SameField.SimilarityThreshold);

        var match = RepeatDetector.Compare(reworded, earlier, SameField);

        Assert.NotNull(match);
        Assert.True(match.IsRepeat);
        Assert.Contains("同一工作事项：监督抽检", match.Explanation);
        Assert.Contains("同一失误类型：跟踪复查不到位", match.Explanation);
    }

    [Fact]
    public void Similar_wording_on_other_work_is_a_candidate_to_look_at_never_a_repeat()
    {
        var match = RepeatDetector.Compare(Matter(Title, workItem: "行政处罚"), Matter(Title), SameField);

        Assert.NotNull(match);
        Assert.False(match.IsRepeat);
        Assert.Equal(RepeatFacts.Different, match.Facts);
        Assert.Contains("仅供参考", match.Explanation);
    }

    [Fact]
    public void Without_a_recorded_kind_of_error_a_similar_case_waits_for_verification()
    {
        var match = RepeatDetector.Compare(Matter(Title, errorKind: null), Matter(Title), SameField);

        Assert.NotNull(match);
        Assert.Equal(RepeatFacts.NotYetKnown, match.Facts);
        Assert.Contains("需核实", match.Explanation);
        Assert.Null(RepeatDetector.Compare(Matter("特种设备定期检验逾期", errorKind: null), Matter(Title), SameField));
    }

    [Fact]
    public void Same_facts_without_a_shared_subject_are_not_a_repeat()
    {
        Assert.Null(RepeatDetector.Compare(Matter(Title, subjects: [Zhang]), Matter(Title, subjects: [Li]), SameField));
    }

    [Fact]
    public void Same_facts_in_another_field_are_not_a_repeat_when_the_policy_asks_for_the_same_field()
    {
        var current = Matter(Title, "食品安全");
        var earlier = Matter(Title, "价格");

        Assert.Null(RepeatDetector.Compare(current, earlier, SameField));
        var match = RepeatDetector.Compare(current, earlier, SameField with { RequireSameField = false });
        Assert.NotNull(match);
        Assert.DoesNotContain("同一业务领域", match.Explanation);
    }

    [Fact]
    public void On_other_facts_similarity_below_the_threshold_is_not_even_a_candidate()
    {
        var current = Matter("特种设备定期检验逾期未处理", workItem: "特种设备安全监察");
        var earlier = Matter("特种设备使用登记材料审核失误");
        var similarity = RepeatDetector.Similarity(current.Title, earlier.Title);
        Assert.InRange(similarity, 0.01, 0.99);

        Assert.NotNull(RepeatDetector.Compare(current, earlier, SameField with { SimilarityThreshold = similarity }));
        Assert.Null(RepeatDetector.Compare(current, earlier, SameField with { SimilarityThreshold = similarity + 0.01 }));
    }

    [Fact]
    public void Explanation_names_the_shared_subject_the_field_and_the_common_phrases()
    {
        var current = Matter("对首次违法商户不予处罚后又违法", description: "执法人员对首次违法的商户作出不予处罚决定", subjects: [Zhang, Li]);
        var earlier = Matter("首次违法不予处罚事项", description: "该分局对轻微违法行为不予处罚并进行教育", subjects: [Zhang]);

        var match = RepeatDetector.Compare(current, earlier, SameField);

        Assert.NotNull(match);
        Assert.Contains("同一问责对象：张三", match.Explanation);
        Assert.DoesNotContain("李四", match.Explanation);
        Assert.Contains("同一业务领域：食品安全", match.Explanation);
        Assert.Contains("表述相似度", match.Explanation);
        Assert.Contains("不予处罚", match.Explanation);
    }

    [Fact]
    public void Common_phrases_finds_the_phrase_two_sentences_share()
    {
        var phrases = RepeatDetector.CommonPhrases("执法人员对首次违法的商户作出不予处罚决定", "该分局对轻微违法行为不予处罚并进行教育", 4, 3);

        Assert.Equal(["不予处罚"], phrases);
    }

    [Fact]
    public void Common_phrases_are_longest_first_and_do_not_repeat()
    {
        var phrases = RepeatDetector.CommonPhrases("食品经营许可现场核查，不予处罚决定", "不予处罚决定；食品经营许可现场核查", 4, 3);

        Assert.Equal(["食品经营许可现场核查", "不予处罚决定"], phrases);
    }

    [Fact]
    public void Common_phrases_shorter_than_the_minimum_are_left_out()
    {
        Assert.Empty(RepeatDetector.CommonPhrases("执法人员对首次违法的商户作出不予处罚决定", "该分局对轻微违法行为不予处罚并进行教育", 5, 3));
    }

    [Fact]
    public void Repeats_come_first_then_candidates_each_by_similarity_and_the_case_itself_is_left_out()
    {
        var current = Matter(Title);
        var close = Matter(Title);
        var looser = Matter("对首次违法的商户作出不予处罚决定");
        var candidate = Matter(Title, workItem: "行政处罚");
        var itself = current with { Number = "2026-0099" };

        var matches = RepeatDetector.FindRepeats(current, [candidate, looser, itself, close], SameField);

        Assert.Equal([close.Id, looser.Id, candidate.Id], matches.Select(m => m.CaseId));
        Assert.True(matches[0].Similarity > matches[1].Similarity);
        Assert.False(matches[2].IsRepeat);
    }
}
