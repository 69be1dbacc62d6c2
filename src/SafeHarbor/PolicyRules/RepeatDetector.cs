using System.Globalization;
using System.Text;

namespace SafeHarbor.PolicyRules;

/// <summary>What repeat detection needs to know of a case.</summary>
public sealed record RepeatCase(
    Guid Id,
    string Number,
    string Title,
    string Description,
    string BusinessField,
    string? WorkItem,
    string? ErrorKind,
    IReadOnlyList<RepeatSubject> Subjects,
    DateOnly? DecidedOn);

public sealed record RepeatSubject(Guid Id, string Name);

/// <summary>
/// Art. 7 (同一工作、同一问题上重复出现失误), decided on facts: an earlier exempted case is a repeat when it
/// shares a subject (unit or person), the business field (when the policy asks for it), the work item and
/// the kind of error — however either case is worded. Wording similarity (the Dice coefficient of
/// character bigrams, which suits Chinese text without a word segmenter) never decides: it ranks, and it
/// brings to the verifier's attention earlier cases of the same subject and field whose facts are not yet
/// comparable (a work item or kind of error not yet recorded) or differ, as candidates to look at.
/// </summary>
[Article("7")]
public static class RepeatDetector
{
    public static IReadOnlyList<RepeatMatch> FindRepeats(RepeatCase current, IEnumerable<RepeatCase> earlierExempted, RepeatRule rule) =>
        earlierExempted
            .Where(e => e.Id != current.Id)
            .Select(e => Compare(current, e, rule))
            .OfType<RepeatMatch>()
            .OrderBy(m => m.Facts)
            .ThenByDescending(m => m.Similarity)
            .ToList();

    public static RepeatMatch? Compare(RepeatCase current, RepeatCase earlier, RepeatRule rule)
    {
        var shared = earlier.Subjects.Where(e => current.Subjects.Any(c => c.Id == e.Id)).Select(s => s.Name).ToList();
        if (shared.Count == 0)
        {
            return null;
        }
        var sameField = string.Equals(current.BusinessField, earlier.BusinessField, StringComparison.Ordinal);
        if (rule.RequireSameField && !sameField)
        {
            return null;
        }
        var sameWork = current.WorkItem is not null && current.WorkItem == earlier.WorkItem;
        var sameError = current.ErrorKind is not null && current.ErrorKind == earlier.ErrorKind;
        var similarity = Math.Max(
            Similarity(current.Title, earlier.Title),
            Similarity(current.Title + current.Description, earlier.Title + earlier.Description));
        var known = current.WorkItem is not null && current.ErrorKind is not null && earlier.WorkItem is not null && earlier.ErrorKind is not null;
        var repeat = sameWork && sameError;
        var facts = repeat ? RepeatFacts.Same : known ? RepeatFacts.Different : RepeatFacts.NotYetKnown;
        if (!repeat && similarity < rule.SimilarityThreshold)
        {
            return null;
        }
        var explanation = new StringBuilder($"同一问责对象：{string.Join("、", shared)}");
        if (sameField)
        {
            explanation.Append($"；同一业务领域：{current.BusinessField}");
        }
        if (repeat)
        {
            explanation.Append($"；同一工作事项：{current.WorkItem}；同一失误类型：{current.ErrorKind}");
        }
        else
        {
            explanation.Append(!known
                ? "；工作事项或失误类型尚未确定，是否同一工作、同一问题需核实"
                : $"；工作事项或失误类型不同（本案：{current.WorkItem}、{current.ErrorKind}；前案：{earlier.WorkItem}、{earlier.ErrorKind}），仅供参考");
        }
        explanation.Append(CultureInfo.InvariantCulture, $"；表述相似度 {similarity:P0}");
        var phrases = CommonPhrases(current.Title + "。" + current.Description, earlier.Title + "。" + earlier.Description, 4, 3);
        if (phrases.Count > 0)
        {
            explanation.Append($"，相同表述：“{string.Join("”“", phrases)}”");
        }
        return new RepeatMatch(earlier.Id, earlier.Number, earlier.Title, earlier.DecidedOn, Math.Round(similarity, 3), explanation.ToString(), facts);
    }

    /// <summary>Dice coefficient of the character-bigram multisets of two texts (letters, digits and CJK only).</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        var total = x.Values.Sum() + y.Values.Sum();
        if (total == 0)
        {
            return 0;
        }
        var common = x.Sum(kv => Math.Min(kv.Value, y.GetValueOrDefault(kv.Key)));
        return 2.0 * common / total;
    }

    /// <summary>The longest phrases both texts contain, longest first, without overlaps.</summary>
    public static IReadOnlyList<string> CommonPhrases(string a, string b, int minLength, int max)
    {
        var s = Normalise(a);
        var t = Normalise(b);
        var found = new List<string>();
        while (found.Count < max)
        {
            var (start, length) = LongestCommon(s, t);
            if (length < minLength)
            {
                break;
            }
            var phrase = s.Substring(start, length);
            found.Add(phrase);
            // Blank the phrase out of both texts so the next search finds a different one.
            s = s.Replace(phrase, "\u0001", StringComparison.Ordinal);
            t = t.Replace(phrase, "\u0002", StringComparison.Ordinal);
        }
        return found;
    }

    private static (int Start, int Length) LongestCommon(string s, string t)
    {
        var best = (Start: 0, Length: 0);
        var previous = new int[t.Length + 1];
        var current = new int[t.Length + 1];
        for (var i = 1; i <= s.Length; i++)
        {
            for (var j = 1; j <= t.Length; j++)
            {
                current[j] = s[i - 1] == t[j - 1] && s[i - 1] > '\u0002' ? previous[j - 1] + 1 : 0;
                if (current[j] > best.Length)
                {
                    best = (i - current[j], current[j]);
                }
            }
            (previous, current) = (current, previous);
        }
        return best;
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var s = Normalise(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < s.Length; i++)
        {
            var gram = s.Substring(i, 2);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }

    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }
        return sb.ToString();
    }
}
