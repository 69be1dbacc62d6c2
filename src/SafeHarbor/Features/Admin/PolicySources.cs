using System.Text.Json;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Admin;

/// <summary>The file a policy version was loaded from, shown verbatim so an administrator can compare it with the page.</summary>
public static class PolicySources
{
    public sealed record Source(string FileName, string Content);

    /// <summary>The policy directory as the catalog was loaded (setting <c>Policy:Directory</c>).</summary>
    public static string Directory(IConfiguration configuration) =>
        configuration["Policy:Directory"] is { Length: > 0 } dir ? dir : PolicyCatalog.DefaultDirectory;

    /// <summary>The <c>*.json</c> file of <paramref name="directory"/> whose <c>id</c> is <paramref name="id"/>, as it is on disk now.</summary>
    public static Source? Find(string directory, string id)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return null;
        }
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var path in System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var text = File.ReadAllText(path);
                using var document = JsonDocument.Parse(text, options);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("id", out var value)
                    && value.ValueKind == JsonValueKind.String
                    && value.GetString() == id)
                {
                    return new Source(Path.GetFileName(path), text);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // A file changed or broken since the start cannot be the one shown; look at the others.
            }
        }
        return null;
    }
}
