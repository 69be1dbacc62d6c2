using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Rules;

/// <summary>Art. 7: an earlier exempted case of the same unit or person on the same work or problem.</summary>
public sealed class RepeatDetectorTests
{
    private static readonly RepeatSubject Zhang = new(Guid.NewGuid(), "张三");
    private static readonly RepeatSubject Li = new(Guid.NewGuid(), "李四");

    private static readonly RepeatRule SameField = new("第七条", "一般不予容错", Outcome.NotExempted, 0.35, RequireSameField: true);

    private const string Title = "对首次违法的商户作出不予处罚决定后当事人再次违法";

    private static RepeatCase Matter(string title, string field = "食品安全", string description = "", RepeatSubject[]? subjects = null) =>
        new(Guid.NewGuid(), "2026-0001", title, description, field, subjects ?? [Zhang], new DateOnly(2025, 6, 1));

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
        Assert.Equal(1.0, match.Similarity);
        Assert.Equal(earlier.Id, match.CaseId);
        Assert.Equal(earlier.Number, match.CaseNumber);
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
    public void Similarity_below_the_threshold_is_not_a_repeat()
    {
        var current = Matter("特种设备定期检验逾期未处理");
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
        Assert.Contains("事实相似度", match.Explanation);
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
    public void Repeats_are_ordered_by_similarity_and_exclude_the_case_itself()
    {
        var current = Matter(Title);
        var close = Matter(Title);
        var looser = Matter("对首次违法的商户作出不予处罚决定");
        var itself = current with { Number = "2026-0099" };

        var matches = RepeatDetector.FindRepeats(current, [looser, itself, close], SameField);

        Assert.Equal([close.Id, looser.Id], matches.Select(m => m.CaseId));
        Assert.True(matches[0].Similarity > matches[1].Similarity);
    }
}
