using System.Text.Json;
using System.Text.Json.Nodes;
using SafeHarbor.Documents;

namespace SafeHarbor.Tests.Documents;

/// <summary>
/// Templates outside the code: one JSON file per document type that an administrator may replace. A missing
/// or broken file is refused when loaded, naming the file, the line or the field.
/// </summary>
public sealed class DocumentTemplatesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeharbor-template-tests-");

    public DocumentTemplatesTests()
    {
        foreach (var file in Directory.EnumerateFiles(DocumentTemplates.DefaultDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    private JsonObject Json(string name) =>
        JsonNode.Parse(File.ReadAllText(PathOf(name)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private void Write(string name, JsonNode json) => File.WriteAllText(PathOf(name), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private TemplateException Refused() => Assert.Throws<TemplateException>(() => DocumentTemplates.LoadFrom(folder.FullName));

    /// <summary>Changes feedback-notice.json and expects the whole set to be refused, naming that file.</summary>
    private TemplateException RefusedAfter(Action<JsonObject> change)
    {
        var json = Json("feedback-notice.json");
        change(json);
        Write("feedback-notice.json", json);
        var ex = Refused();
        Assert.Contains("feedback-notice.json", ex.Message);
        return ex;
    }

    [Fact]
    public void The_shipped_folder_holds_one_template_for_each_of_the_13_kinds()
    {
        var set = DocumentTemplates.LoadFrom(DocumentTemplates.DefaultDirectory);

        Assert.Equal(13, Enum.GetValues<DocumentKind>().Length);
        Assert.Equal(13, Directory.GetFiles(DocumentTemplates.DefaultDirectory, "*.json").Length);
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var template = set[kind];
            Assert.Equal(kind, template.Kind);
            Assert.Equal(kind.Slug() + ".json", template.FileName);
            Assert.Equal(kind.Chinese(), template.Name);
            Assert.NotEmpty(template.Body);
        }
    }

    [Fact]
    public void Numbered_shipped_templates_are_laid_out_as_documents_with_a_letterhead_and_a_prefix_of_their_own()
    {
        var set = DocumentTemplates.LoadFrom(DocumentTemplates.DefaultDirectory);
        var numbered = Enum.GetValues<DocumentKind>().Select(k => set[k]).Where(t => t.NumberPrefix is not null).ToList();
        var data = new DocumentData("2026-0001") { ["bureau.shortName"] = "青市监" };

        Assert.Equal(
            [DocumentKind.InvestigationReport, DocumentKind.GuidanceRequest, DocumentKind.SupplementNotice, DocumentKind.DeterminationOpinion,
             DocumentKind.FeedbackNotice, DocumentKind.RefusalNotice, DocumentKind.Circular, DocumentKind.ReminderLetter, DocumentKind.RectificationNotice],
            numbered.Select(t => t.Kind));
        foreach (var t in numbered)
        {
            Assert.Equal(DocumentLayout.Document, t.Layout);
            Assert.False(string.IsNullOrWhiteSpace(t.Letterhead), t.FileName);
            Assert.NotNull(t.Date);
            var prefix = TemplateBinder.NumberPrefix(t, data)!;
            Assert.StartsWith("青市监", prefix);
            Assert.True(DocumentNumber.IsWellFormed(DocumentNumber.Create(prefix, 2026, 1).ToString()), prefix);
        }
        // Numbers are unique across kinds only if each kind has its own prefix (each kind counts from 1 every year).
        var prefixes = numbered.Select(t => TemplateBinder.NumberPrefix(t, data)).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
    }

    [Fact]
    public void An_unchanged_copy_loads()
    {
        var set = DocumentTemplates.LoadFrom(folder.FullName);

        Assert.Equal("{{bureau.partyGroup}}", set[DocumentKind.FeedbackNotice].Letterhead);
    }

    [Fact]
    public void A_replaced_template_with_another_letterhead_and_wording_loads()
    {
        var json = Json("feedback-notice.json");
        json["letterhead"] = "中共信阳市市场监督管理局党组";
        json["numberPrefix"] = "信市监容反";
        json["body"]!.AsArray().Add(new JsonObject { ["text"] = "如对认定结果有异议，可于收到本通知之日起十五日内书面提出。" });
        Write("feedback-notice.json", json);

        var template = DocumentTemplates.LoadFrom(folder.FullName)[DocumentKind.FeedbackNotice];

        Assert.Equal("中共信阳市市场监督管理局党组", template.Letterhead);
        Assert.Equal("信市监容反", template.NumberPrefix);
        Assert.Equal("如对认定结果有异议，可于收到本通知之日起十五日内书面提出。", template.Body[^1].Text);
    }

    [Fact]
    public void A_missing_file_is_refused_naming_the_file_the_kind_and_the_folder()
    {
        File.Delete(PathOf("refusal-notice.json"));

        var ex = Refused();

        Assert.Contains("refusal-notice.json", ex.Message);
        Assert.Contains("不予受理通知书", ex.Message);
        Assert.Contains(folder.FullName, ex.Message);
    }

    [Fact]
    public void Broken_json_is_refused_naming_the_file_and_the_line()
    {
        File.WriteAllText(PathOf("feedback-notice.json"), "// 结果反馈通知书\n{\n  \"kind\": \"FeedbackNotice\",\n  \"name\": ,\n  \"layout\": \"Document\"\n}\n");

        var ex = Refused();

        Assert.Contains("feedback-notice.json", ex.Message);
        Assert.Contains("第 4 行", ex.Message);
        Assert.Contains("格式错误", ex.Message);
    }

    [Fact]
    public void An_empty_or_null_file_is_refused_naming_the_file()
    {
        File.WriteAllText(PathOf("circular.json"), "null");
        Assert.Contains("circular.json", Refused().Message);

        File.WriteAllText(PathOf("circular.json"), "");
        Assert.Contains("circular.json", Refused().Message);
    }

    [Fact]
    public void An_unknown_field_in_the_body_is_refused_naming_the_file_the_place_and_the_field()
    {
        var ex = RefusedAfter(json => json["body"]![1] = new JsonObject { ["text"] = "{{case.nonsense}}" });

        Assert.Contains("“case.nonsense”", ex.Message);
        Assert.Contains("body[1]", ex.Message);
    }

    [Theory]
    [InlineData("letterhead")]
    [InlineData("numberPrefix")]
    [InlineData("title")]
    [InlineData("recipient")]
    [InlineData("signature")]
    public void An_unknown_field_anywhere_is_refused_naming_where(string property)
    {
        var ex = RefusedAfter(json => json[property] = "关于{{case.nonsense}}的通知");

        Assert.Contains("case.nonsense", ex.Message);
        Assert.Contains(property, ex.Message);
    }

    [Fact]
    public void An_unknown_field_in_the_colophon_is_refused()
    {
        var ex = RefusedAfter(json => json["colophon"]!["copyTo"] = "{{bureau.nonsense}}");

        Assert.Contains("bureau.nonsense", ex.Message);
        Assert.Contains("colophon.copyTo", ex.Message);
    }

    [Fact]
    public void A_block_with_two_kinds_is_refused_naming_the_block()
    {
        var ex = RefusedAfter(json => json["body"]![2] = new JsonObject { ["heading"] = "答复解释", ["text"] = "{{feedback.explanation}}" });

        Assert.Contains("body[2]", ex.Message);
        Assert.Contains("只能有", ex.Message);
    }

    [Fact]
    public void A_block_with_no_kind_is_refused_naming_the_block()
    {
        var ex = RefusedAfter(json => json["body"]![0] = new JsonObject { ["when"] = "decision.mitigation" });

        Assert.Contains("body[0]", ex.Message);
    }

    [Fact]
    public void Each_over_an_unknown_list_is_refused_naming_the_list_and_the_known_ones()
    {
        var ex = RefusedAfter(json => json["body"]![5] = new JsonObject { ["each"] = "penalties", ["text"] = "{{item.text}}" });

        Assert.Contains("“penalties”", ex.Message);
        Assert.Contains("body[5]", ex.Message);
        Assert.Contains("resultUses", ex.Message);
    }

    [Fact]
    public void An_unknown_item_field_is_refused_naming_it_and_the_lists_item_fields()
    {
        var ex = RefusedAfter(json => json["body"]![5] = new JsonObject { ["each"] = "resultUses", ["text"] = "{{item.nonsense}}" });

        Assert.Contains("item.nonsense", ex.Message);
        Assert.Contains("item.article", ex.Message);
    }

    [Fact]
    public void When_over_an_unknown_field_is_refused()
    {
        var ex = RefusedAfter(json => json["body"]![0]!["when"] = "decision.nonsense");

        Assert.Contains("decision.nonsense", ex.Message);
        Assert.Contains("when", ex.Message);
    }

    [Fact]
    public void A_row_without_each_is_refused()
    {
        var ex = RefusedAfter(json => json["body"]![0] = new JsonObject { ["row"] = new JsonArray("{{case.number}}") });

        Assert.Contains("row", ex.Message);
        Assert.Contains("each", ex.Message);
    }

    [Theory]
    [InlineData("{{feedback.issuedOn}}印发")]
    [InlineData("2026年{{feedback.issuedOn}}")]
    [InlineData("2026年7月3日")]
    [InlineData("{{feedback.issuedOn}}{{decision.decidedOn}}")]
    public void A_date_that_is_not_a_single_field_is_refused(string date)
    {
        var ex = RefusedAfter(json => json["date"] = date);

        Assert.Contains("date", ex.Message);
        Assert.Contains("日期字段", ex.Message);
    }

    [Fact]
    public void A_colophon_date_that_is_not_a_single_field_is_refused()
    {
        var ex = RefusedAfter(json => json["colophon"]!["printedOn"] = "{{feedback.issuedOn}}印发");

        Assert.Contains("colophon.printedOn", ex.Message);
    }

    [Fact]
    public void A_date_field_that_does_not_exist_is_refused()
    {
        var ex = RefusedAfter(json => json["date"] = "{{feedback.nonsenseOn}}");

        Assert.Contains("feedback.nonsenseOn", ex.Message);
    }

    [Fact]
    public void A_misspelt_property_is_refused_naming_it()
    {
        var ex = RefusedAfter(json =>
        {
            json["titel"] = json["title"]!.GetValue<string>();
        });

        Assert.Contains("titel", ex.Message);
    }

    [Fact]
    public void A_missing_required_property_is_refused_naming_it()
    {
        var ex = RefusedAfter(json => json.Remove("title"));

        Assert.Contains("title", ex.Message);
    }

    [Fact]
    public void An_unknown_layout_is_refused_naming_the_field()
    {
        var ex = RefusedAfter(json => json["layout"] = "Letter");

        Assert.Contains("layout", ex.Message);
    }

    [Fact]
    public void A_file_of_another_kind_is_refused()
    {
        var ex = RefusedAfter(json => json["kind"] = "RefusalNotice");

        Assert.Contains("RefusalNotice", ex.Message);
        Assert.Contains("FeedbackNotice", ex.Message);
    }
}
