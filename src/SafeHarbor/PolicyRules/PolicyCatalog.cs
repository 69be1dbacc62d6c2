using System.Text.Json;
using System.Text.Json.Serialization;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.PolicyRules;

public sealed class PolicyLoadException(string message) : Exception(message);

/// <summary>
/// The policy versions known to the system, one JSON file each. A case is judged by the version in
/// force on the date its accountability procedure started.
/// </summary>
[Article("15")]
public sealed class PolicyCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, PolicyVersion> versions;

    public PolicyCatalog(IEnumerable<PolicyVersion> versions)
    {
        this.versions = new Dictionary<string, PolicyVersion>(StringComparer.Ordinal);
        foreach (var v in versions)
        {
            if (!this.versions.TryAdd(v.Id, v))
            {
                throw new PolicyLoadException($"有两个办法版本使用同一标识“{v.Id}”。");
            }
        }
        // Versions succeed one another within what one bureau applies; another bureau's own measures may run alongside.
        foreach (var adopted in this.versions.Values.GroupBy(v => v.Bureau))
        {
            var ordered = adopted.OrderBy(v => v.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var earlier = ordered[i - 1];
                if (earlier.EffectiveTo is null || earlier.EffectiveTo >= ordered[i].EffectiveFrom)
                {
                    throw new PolicyLoadException(
                        $"办法“{earlier.Id}”与“{ordered[i].Id}”的施行期间重叠：请为较早的版本填写 effectiveTo（早于 {ordered[i].EffectiveFrom:yyyy-MM-dd}）。");
                }
            }
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PolicyCatalog> byBureau = new(StringComparer.Ordinal);

    /// <summary>
    /// The versions a bureau applies (Art. 15): those adopted for the bureau itself when there are any, else those
    /// of the nearest bureau above it that has its own, else the measures adopted for no bureau in particular.
    /// </summary>
    /// <param name="lineage">The bureau's code, then its parent's, up to the top.</param>
    public PolicyCatalog ForBureau(IReadOnlyList<string> lineage)
    {
        var adopter = lineage.FirstOrDefault(code => versions.Values.Any(v => v.Bureau == code));
        return byBureau.GetOrAdd(adopter ?? "", _ =>
        {
            var applied = versions.Values.Where(v => v.Bureau == adopter).ToList();
            // Cases judged under another bureau's version keep it: Get and TryGet still find every version.
            return applied.Count == versions.Count ? this : new PolicyCatalog(applied, this);
        });
    }

    private readonly PolicyCatalog? whole;

    private PolicyCatalog(IEnumerable<PolicyVersion> applied, PolicyCatalog whole)
        : this(applied) => this.whole = whole;

    public IReadOnlyList<PolicyVersion> All => versions.Values.OrderBy(v => v.EffectiveFrom).ToList();

    /// <summary>Every role some version gives a duty in the procedure: they see every case.</summary>
    public IReadOnlySet<Role> RolesWithDuties =>
        versions.Values.SelectMany(v => v.Duties.Values).SelectMany(d => d.Roles).ToHashSet();

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "PolicyRules", "Policies");

    public static PolicyCatalog LoadFrom(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PolicyLoadException($"找不到办法文件目录：{directory}");
        }
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new PolicyLoadException($"办法文件目录中没有任何 .json 文件：{directory}");
        }
        return new PolicyCatalog(files.Select(LoadFile));
    }

    public static PolicyVersion LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        PolicyVersion? version;
        try
        {
            using var stream = File.OpenRead(path);
            version = JsonSerializer.Deserialize<PolicyVersion>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {line + 1} 行" : "";
            var field = string.IsNullOrEmpty(e.Path) ? "" : $"（字段 {e.Path}）";
            throw new PolicyLoadException($"办法文件 {name} {where}{field}格式错误：{e.Message}");
        }
        if (version is null)
        {
            throw new PolicyLoadException($"办法文件 {name} 是空的。");
        }
        var problems = Check(version).ToList();
        if (problems.Count > 0)
        {
            throw new PolicyLoadException($"办法文件 {name} 有误：{string.Join("；", problems)}");
        }
        return version;
    }

    /// <summary>
    /// What this catalog applies: on a bureau's catalog its versions; on the catalog of every version, the
    /// measures adopted for no bureau in particular.
    /// </summary>
    private IEnumerable<PolicyVersion> Applied => whole is null ? versions.Values.Where(v => v.Bureau is null) : versions.Values;

    /// <summary>The version in force on the date the accountability procedure started.</summary>
    public PolicyVersion InForceOn(DateOnly date) =>
        Applied.FirstOrDefault(v => v.IsInForceOn(date))
        ?? throw DomainException.Invalid(
            "no-policy-in-force",
            $"{date:yyyy年M月d日}没有施行中的容错免责办法（已载入：{string.Join("、", All.Select(v => $"{v.DocumentNumber} 自{v.EffectiveFrom:yyyy-MM-dd}"))}）。");

    /// <summary>The version in force today, or the latest one when none is: what pages without a case quote and apply.</summary>
    public PolicyVersion InForceOrLatest(DateOnly today)
    {
        var applied = Applied.OrderBy(v => v.EffectiveFrom).ToList();
        return applied.FirstOrDefault(p => p.IsInForceOn(today)) ?? (applied.Count > 0 ? applied[^1] : All[^1]);
    }

    public PolicyVersion Get(string id) =>
        TryGet(id, out var v)
            ? v!
            : throw DomainException.NotFound("policy-not-found", $"没有标识为“{id}”的办法版本。");

    public bool TryGet(string id, out PolicyVersion? version) =>
        versions.TryGetValue(id, out version) || (whole is not null && whole.TryGet(id, out version));

    private static IEnumerable<string> Check(PolicyVersion p)
    {
        if (p.EffectiveTo is { } to && to < p.EffectiveFrom)
        {
            yield return "effectiveTo 早于 effectiveFrom";
        }
        if (p.ApplicationWindow.Length < 1)
        {
            yield return "applicationWindow.length 须为正整数";
        }
        if (p.BaseConditions.Count == 0)
        {
            yield return "baseConditions 不能为空";
        }
        if (p.Conditions.Items.Count == 0)
        {
            yield return "conditions.items 不能为空";
        }
        var codes = p.AllItems.Select(i => i.Code).ToList();
        foreach (var dup in codes.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            yield return $"条件代码“{dup.Key}”重复";
        }
        foreach (var reserved in codes.Intersect(["application-window", "repeat", "conditions"]))
        {
            yield return $"条件代码“{reserved}”为系统保留";
        }
        foreach (var item in p.AllItems.Where(i => i.Rule is not null && !EligibilityAdvisor.Rules.ContainsKey(i.Rule)))
        {
            yield return $"条件“{item.Code}”的 rule“{item.Rule}”不存在（可用：{string.Join("、", EligibilityAdvisor.Rules.Keys)}）";
        }
        if (p.Repeat.SimilarityThreshold is <= 0 or > 1)
        {
            yield return "repeat.similarityThreshold 须在 0 与 1 之间";
        }
        if (p.Outcomes.Count == 0 || p.Outcomes.All(o => o.Code != Outcome.NotExempted))
        {
            yield return "outcomes 须至少包含 NotExempted（不予容错免责）";
        }
        foreach (var t in new[] { ("decision.quorum", p.Decision.Quorum), ("decision.passing", p.Decision.Passing) })
        {
            if (t.Item2.Denominator <= 0 || t.Item2.Numerator <= 0 || t.Item2.Numerator > t.Item2.Denominator)
            {
                yield return $"{t.Item1} 的比例须在 0 与 1 之间";
            }
        }
        foreach (var duty in Enum.GetValues<Duty>().Where(d => d != Duty.Applicant))
        {
            if (!p.Duties.TryGetValue(duty, out var holder) || holder.Roles.Count == 0)
            {
                yield return $"duties 须为“{duty}”（{duty.Chinese()}）指定办理机构和角色";
            }
        }
        foreach (var provision in p.Provisions)
        {
            if (!ProvisionCodes.All.Contains(provision.Code))
            {
                yield return $"provisions 的代码“{provision.Code}”不存在（可用：{string.Join("、", ProvisionCodes.All)}）";
            }
            if (string.IsNullOrWhiteSpace(provision.Text))
            {
                yield return $"provisions 中“{provision.Code}”的 text 不能为空";
            }
        }
        foreach (var dup in p.Provisions.GroupBy(x => x.Code).Where(g => g.Count() > 1))
        {
            yield return $"provisions 的代码“{dup.Key}”重复";
        }
    }
}
