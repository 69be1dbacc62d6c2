using System.Globalization;

namespace SafeHarbor.Documents;

/// <summary>The facts of one case for one document: scalar fields and lists, named as in <see cref="DocumentFields"/>.</summary>
public sealed class DocumentData(string caseNumber)
{
    private readonly Dictionary<string, object?> scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string?>>> lists = new(StringComparer.Ordinal);

    public string CaseNumber { get; } = caseNumber;

    public object? this[string key]
    {
        get => scalars.GetValueOrDefault(key);
        set
        {
            if (!DocumentFields.Scalars.ContainsKey(key))
            {
                throw new ArgumentException($"Unknown document field {key}", nameof(key));
            }
            scalars[key] = value;
        }
    }

    public void SetList(string key, IEnumerable<IReadOnlyDictionary<string, string?>> items)
    {
        if (!DocumentFields.Lists.ContainsKey(key))
        {
            throw new ArgumentException($"Unknown document list {key}", nameof(key));
        }
        lists[key] = items.ToList();
    }

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> List(string key) => lists.GetValueOrDefault(key) ?? [];

    public IEnumerable<string> ScalarKeys => scalars.Keys;

    public bool Has(string key) =>
        lists.TryGetValue(key, out var list) ? list.Count > 0 : Text(scalars.GetValueOrDefault(key)) is { Length: > 0 };

    public static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => ChineseDates.Format(d),
        Calendar.ComputedDate c => ChineseDates.Format(c.Date) + (c.Provisional ? "（暂定）" : ""),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Fills a template with a case's facts; a fact the document needs but the case lacks is refused by name.</summary>
public static class TemplateBinder
{
    public static OfficialDocument Bind(DocumentTemplate template, DocumentData data, DocumentNumber? number)
    {
        string Fill(string text, IReadOnlyDictionary<string, string?>? item = null, string? list = null) =>
            DocumentTemplates.Placeholder().Replace(text, m =>
            {
                var key = m.Groups[1].Value;
                if (key.StartsWith("item.", StringComparison.Ordinal) && item is not null)
                {
                    return item.GetValueOrDefault(key[5..]) ?? "";
                }
                var value = key == "document.number" ? number?.ToString() : DocumentData.Text(data[key]);
                return value is { Length: > 0 }
                    ? value
                    : throw Missing(key);
            });

        DocumentUnavailableException Missing(string key) =>
            new($"生成“{template.Name}”需要“{DocumentFields.LabelOf(key)}”，案件 {data.CaseNumber} 尚无此项。");

        DateOnly? Date(string? field)
        {
            if (field is null)
            {
                return null;
            }
            var key = DocumentTemplates.Placeholder().Match(field).Groups[1].Value;
            return data[key] is DateOnly d ? d : throw Missing(key);
        }

        var body = new List<Block>();
        foreach (var block in template.Body)
        {
            if (block.When is { } when && !data.Has(when))
            {
                continue;
            }
            if (block.Each is { } each)
            {
                var items = data.List(each);
                if (block.Row is { } row)
                {
                    var rows = new List<IReadOnlyList<string>>();
                    if (block.Header is { } header)
                    {
                        rows.Add(header.Select(h => Fill(h)).ToList());
                    }
                    rows.AddRange(items.Select(item => (IReadOnlyList<string>)row.Select(cell => Fill(cell, item, each)).ToList()));
                    body.Add(new Table(rows, block.Header is not null));
                    continue;
                }
                foreach (var item in items)
                {
                    body.AddRange(Blocks(block, text => Fill(text, item, each)));
                }
                continue;
            }
            if (block.Table is { } table)
            {
                body.Add(new Table(table.Select(r => (IReadOnlyList<string>)r.Select(cell => Fill(cell)).ToList()).ToList(), block.Header is not null));
                continue;
            }
            body.AddRange(Blocks(block, text => Fill(text)));
        }

        return new OfficialDocument(
            template.Name,
            template.Layout,
            template.Letterhead is null ? null : Fill(template.Letterhead),
            number,
            Fill(template.Title),
            template.Recipient is null ? null : Fill(template.Recipient),
            body,
            template.Signature is null ? null : Fill(template.Signature),
            Date(template.Date),
            template.Colophon is { } c ? new Colophon(c.CopyTo is null ? null : Fill(c.CopyTo), Fill(c.PrintedBy), Date(c.PrintedOn)!.Value) : null);
    }

    /// <summary>A filled text becomes one block per line, so a report written in paragraphs keeps them.</summary>
    private static IEnumerable<Block> Blocks(TemplateBlock block, Func<string, string> fill)
    {
        var (text, make) = block switch
        {
            { Heading: { } h } => (h, (Func<string, Block>)(s => new Heading(s, 1))),
            { Heading2: { } h } => (h, s => new Heading(s, 2)),
            { Line: { } l } => (l, s => new PlainLine(s)),
            _ => (block.Text!, s => new Paragraph(s)),
        };
        // A blank line written in the template is kept (room to write by hand); blank lines inside a case's text are not.
        return text.Length == 0
            ? [make("")]
            : fill(text).Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).Select(make);
    }

    /// <summary>The document number's prefix with its fields filled, for numbering before the rest is bound.</summary>
    public static string? NumberPrefix(DocumentTemplate template, DocumentData data) =>
        template.NumberPrefix is null
            ? null
            : DocumentTemplates.Placeholder().Replace(template.NumberPrefix, m => DocumentData.Text(data[m.Groups[1].Value]) ?? "");

    /// <summary>The document's date, read from the field the template names.</summary>
    public static DateOnly? DateOf(DocumentTemplate template, DocumentData data) =>
        template.Date is { } field && data[DocumentTemplates.Placeholder().Match(field).Groups[1].Value] is DateOnly d ? d : null;
}
