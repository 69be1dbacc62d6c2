using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Policies;

/// <summary>
/// Policy files written at test time, as another bureau's administrator would: a copy of the 131号 file
/// from the repository, changed field by field. Each call makes a new folder the app can be pointed at
/// with <c>Policy:Directory</c>.
/// </summary>
public sealed class PolicyFiles : IDisposable
{
    public const string OtherId = "other-bureau-2026";
    public const string OtherDocumentNumber = "某市监〔2026〕8号";
    public const string XinyangId = "xinyang-scjg-2022-131";

    private static readonly JsonSerializerOptions Write = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public PolicyFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("safeharbor-policies-").FullName;
    }

    public string Directory { get; }

    public Dictionary<string, string?> Settings => new() { ["Policy:Directory"] = Directory };

    /// <summary>The 131号 file as it is in the repository.</summary>
    public static JsonObject Xinyang131()
    {
        var path = Path.Combine(Repo.Root, "src", "SafeHarbor", "PolicyRules", "Policies", "xinyang-scjg-2022-131.json");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
    }

    /// <summary>
    /// Another bureau's measures: 10 natural days to apply, every listed condition required, the
    /// 局长办公会议 decides with at least 2/3 of the members entitled to attend, and verification by 局法制科
    /// (role PolicyOwner) unless <paramref name="verifier"/> names other holders.
    /// </summary>
    public static JsonObject OtherBureau((string Body, string[] Roles)? verifier = null)
    {
        var p = Xinyang131();
        p["id"] = OtherId;
        p["title"] = "某市市场监督管理局容错免责实施办法";
        p["documentNumber"] = OtherDocumentNumber;
        p["issuer"] = "某市市场监督管理局";
        p["issuedOn"] = "2025-12-15";
        p["effectiveFrom"] = "2026-01-01";
        p["effectiveTo"] = null;
        p["interpretedBy"] = new JsonArray("局法制科");

        var window = p["applicationWindow"]!.AsObject();
        window["length"] = 10;
        window["unit"] = "NaturalDays";
        window["article"] = "第六条";
        window["text"] = "认为符合容错免责条件的，应在启动问责程序后10日内，向局长办公会议提出书面申请。";
        window["submitTo"] = "局长办公会议";

        var conditions = p["conditions"]!.AsObject();
        conditions["require"] = "All";
        conditions["text"] = "并同时具备下列全部条件的，可容错免责";

        var decision = p["decision"]!.AsObject();
        decision["body"] = "局长办公会议";
        decision["article"] = "第七条";
        decision["passing"] = new JsonObject { ["comparison"] = "AtLeast", ["numerator"] = 2, ["denominator"] = 3, ["of"] = "Entitled" };

        var (body, roles) = verifier ?? ("局法制科", ["PolicyOwner"]);
        var duties = p["duties"]!.AsObject();
        duties["Verify"] = new JsonObject { ["body"] = body, ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()) };
        duties["Vote"]!["body"] = "局长办公会议";
        return p;
    }

    public PolicyFiles Add(string fileName, JsonObject policy)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), policy.ToJsonString(Write));
        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
