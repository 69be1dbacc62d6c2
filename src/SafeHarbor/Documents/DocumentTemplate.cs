using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SafeHarbor.Documents;

/// <summary>A template could not be read or names a field the system does not have.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>The case does not (yet) have what a document needs, e.g. a feedback notice before the decision.</summary>
public sealed class DocumentUnavailableException(string message) : Exception(message);

/// <summary>
/// One document type as an administrator-replaceable JSON file: the wording, the letterhead, the
/// document-number prefix, and where each case fact goes (<c>{{case.title}}</c>).
/// </summary>
public sealed record DocumentTemplate
{
    public required DocumentKind Kind { get; init; }
    public required string Name { get; init; }
    public required DocumentLayout Layout { get; init; }
    public string? Letterhead { get; init; }
    public string? NumberPrefix { get; init; }
    public required string Title { get; init; }
    public string? Recipient { get; init; }
    public required IReadOnlyList<TemplateBlock> Body { get; init; }
    public string? Signature { get; init; }
    public string? Date { get; init; }
    public TemplateColophon? Colophon { get; init; }

    [JsonIgnore]
    public string FileName { get; init; } = "";
}

/// <summary>
/// One body element. Exactly one of text, heading, heading2, line or table/row is given; <c>each</c>
/// repeats it per item of a list; <c>when</c> keeps it only when that field has a value.
/// </summary>
public sealed record TemplateBlock
{
    public string? Text { get; init; }
    public string? Heading { get; init; }
    public string? Heading2 { get; init; }
    public string? Line { get; init; }
    public IReadOnlyList<IReadOnlyList<string>>? Table { get; init; }
    public IReadOnlyList<string>? Row { get; init; }
    public IReadOnlyList<string>? Header { get; init; }
    public string? Each { get; init; }
    public string? When { get; init; }
}

public sealed record TemplateColophon(string? CopyTo, string PrintedBy, string PrintedOn);

public sealed partial class DocumentTemplates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private readonly Dictionary<DocumentKind, DocumentTemplate> templates;

    private DocumentTemplates(Dictionary<DocumentKind, DocumentTemplate> templates) => this.templates = templates;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Documents", "Templates");

    public DocumentTemplate this[DocumentKind kind] => templates[kind];

    /// <summary>Loads one template per kind (<c>feedback-notice.json</c> …), refusing a missing or broken file by name and field.</summary>
    public static DocumentTemplates LoadFrom(string directory)
    {
        var loaded = new Dictionary<DocumentKind, DocumentTemplate>();
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var file = Path.Combine(directory, kind.Slug() + ".json");
            if (!File.Exists(file))
            {
                throw new TemplateException($"缺少文书模板 {kind.Slug()}.json（{kind.Chinese()}），应在 {directory}。");
            }
            loaded[kind] = LoadFile(file) with { FileName = Path.GetFileName(file) };
            if (loaded[kind].Kind != kind)
            {
                throw new TemplateException($"文书模板 {Path.GetFileName(file)} 的 kind 为 {loaded[kind].Kind}，应为 {kind}。");
            }
        }
        return new DocumentTemplates(loaded);
    }

    public static DocumentTemplate LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        DocumentTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<DocumentTemplate>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {line + 1} 行" : "";
            var field = string.IsNullOrEmpty(e.Path) ? "" : $"（字段 {e.Path.TrimStart('$', '.')}）";
            throw new TemplateException($"文书模板 {name} {where}{field}格式错误：{e.Message}");
        }
        if (template is null)
        {
            throw new TemplateException($"文书模板 {name} 是空的。");
        }
        Check(template, name);
        return template;
    }

    /// <summary>Every placeholder must name a known field; lists only where <c>each</c> repeats them.</summary>
    private static void Check(DocumentTemplate t, string file)
    {
        void Scalar(string? text, string where)
        {
            foreach (Match m in Placeholder().Matches(text ?? ""))
            {
                var key = m.Groups[1].Value;
                if (!DocumentFields.Scalars.ContainsKey(key))
                {
                    throw new TemplateException($"文书模板 {file} 的 {where} 引用了不存在的字段“{key}”。");
                }
            }
        }
        void ItemText(string? text, string where, string list)
        {
            foreach (Match m in Placeholder().Matches(text ?? ""))
            {
                var key = m.Groups[1].Value;
                var known = key.StartsWith("item.", StringComparison.Ordinal)
                    ? DocumentFields.Lists[list].Items.ContainsKey(key[5..])
                    : DocumentFields.Scalars.ContainsKey(key);
                if (!known)
                {
                    throw new TemplateException($"文书模板 {file} 的 {where} 引用了不存在的字段“{key}”（{list} 的条目字段：{string.Join("、", DocumentFields.Lists[list].Items.Keys.Select(k => "item." + k))}）。");
                }
            }
        }
        Scalar(t.Letterhead, "letterhead");
        Scalar(t.NumberPrefix, "numberPrefix");
        Scalar(t.Title, "title");
        Scalar(t.Recipient, "recipient");
        Scalar(t.Signature, "signature");
        CheckDate(t.Date, "date");
        if (t.Colophon is { } c)
        {
            Scalar(c.CopyTo, "colophon.copyTo");
            Scalar(c.PrintedBy, "colophon.printedBy");
            CheckDate(c.PrintedOn, "colophon.printedOn");
        }
        for (var i = 0; i < t.Body.Count; i++)
        {
            var b = t.Body[i];
            var where = $"body[{i}]";
            var kinds = new object?[] { b.Text, b.Heading, b.Heading2, b.Line, b.Table, b.Row }.Count(x => x is not null);
            if (kinds != 1)
            {
                throw new TemplateException($"文书模板 {file} 的 {where} 须且只能有 text、heading、heading2、line、table、row 之一。");
            }
            if (b.When is { } when && !DocumentFields.Scalars.ContainsKey(when) && !DocumentFields.Lists.ContainsKey(when))
            {
                throw new TemplateException($"文书模板 {file} 的 {where}.when 引用了不存在的字段“{when}”。");
            }
            if (b.Row is not null && b.Each is null)
            {
                throw new TemplateException($"文书模板 {file} 的 {where}.row 须与 each 一起使用。");
            }
            var texts = new[] { b.Text, b.Heading, b.Heading2, b.Line }
                .Concat(b.Table?.SelectMany(r => r) ?? [])
                .Concat(b.Row ?? [])
                .Concat(b.Header ?? []);
            if (b.Each is { } each)
            {
                if (!DocumentFields.Lists.ContainsKey(each))
                {
                    throw new TemplateException($"文书模板 {file} 的 {where}.each 引用了不存在的列表“{each}”（可用：{string.Join("、", DocumentFields.Lists.Keys)}）。");
                }
                foreach (var text in texts)
                {
                    ItemText(text, where, each);
                }
            }
            else
            {
                foreach (var text in texts)
                {
                    Scalar(text, where);
                }
            }
        }

        void CheckDate(string? text, string where)
        {
            if (text is null)
            {
                return;
            }
            var m = Placeholder().Match(text);
            if (!m.Success || m.Value != text.Trim())
            {
                throw new TemplateException($"文书模板 {file} 的 {where} 应为一个日期字段，例如 {{{{document.date}}}}。");
            }
            Scalar(text, where);
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    internal static partial Regex Placeholder();
}
