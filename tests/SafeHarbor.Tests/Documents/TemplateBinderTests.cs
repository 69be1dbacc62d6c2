using SafeHarbor.Documents;

namespace SafeHarbor.Tests.Documents;

/// <summary>
/// Filling a template with a case's facts: fields, <c>each</c> lists, <c>when</c> conditions, values of
/// several lines; a fact the document needs but the case lacks is refused naming the document and the field.
/// </summary>
public sealed class TemplateBinderTests
{
    private static DocumentTemplate Template(params TemplateBlock[] body) => new()
    {
        Kind = DocumentKind.FeedbackNotice,
        Name = "结果反馈通知书",
        Layout = DocumentLayout.Document,
        Letterhead = "{{bureau.partyGroup}}",
        NumberPrefix = "{{bureau.shortName}}容反",
        Title = "关于{{application.applicantName}}容错免责申请认定结果的通知",
        Recipient = "{{application.applicantName}}：",
        Body = body,
        Signature = "{{bureau.partyGroup}}",
        Date = "{{feedback.issuedOn}}",
        Colophon = new TemplateColophon("{{bureau.discipline}}。", "{{bureau.office}}", "{{feedback.issuedOn}}"),
    };

    private static DocumentData Data()
    {
        var d = new DocumentData("2026-0007")
        {
            ["bureau.partyGroup"] = "中共信阳市市场监督管理局党组",
            ["bureau.shortName"] = "信市监",
            ["bureau.discipline"] = "机关纪委",
            ["bureau.office"] = "局办公室",
            ["application.applicantName"] = "何晓峰",
            ["case.title"] = "抽检复查不及时",
            ["case.number"] = "2026-0007",
            ["case.description"] = "第一段事实。\n第二段事实。\r\n\n  第三段事实。  ",
            ["feedback.issuedOn"] = new DateOnly(2026, 7, 3),
            ["meeting.entitled"] = 5,
        };
        d.SetList("claims",
        [
            Item(("article", "第四条第（一）项"), ("text", "执行上级决策部署"), ("explanation", "有文件为证")),
            Item(("article", "第四条第（六）项"), ("text", "及时纠正"), ("explanation", "当日下架")),
        ]);
        return d;
    }

    private static IReadOnlyDictionary<string, string?> Item(params (string Key, string? Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static T Only<T>(IEnumerable<Block> blocks) where T : Block => Assert.Single(blocks.OfType<T>());

    [Fact]
    public void Fields_are_filled_everywhere_the_template_names_them()
    {
        var number = DocumentNumber.Create("信市监容反", 2026, 3);

        var document = TemplateBinder.Bind(Template(new TemplateBlock { Text = "你于{{feedback.issuedOn}}就“{{case.title}}”（{{case.number}}）的申请，应到会{{meeting.entitled}}人。" }), Data(), number);

        Assert.Equal("结果反馈通知书", document.KindName);
        Assert.Equal(DocumentLayout.Document, document.Layout);
        Assert.Equal("中共信阳市市场监督管理局党组", document.Letterhead);
        Assert.Equal(number, document.Number);
        Assert.Equal("关于何晓峰容错免责申请认定结果的通知", document.Title);
        Assert.Equal("何晓峰：", document.Recipient);
        Assert.Equal("你于2026年7月3日就“抽检复查不及时”（2026-0007）的申请，应到会5人。", Only<Paragraph>(document.Body).Text);
        Assert.Equal("中共信阳市市场监督管理局党组", document.Signature);
        Assert.Equal(new DateOnly(2026, 7, 3), document.Date);
        Assert.Equal(new Colophon("机关纪委。", "局办公室", new DateOnly(2026, 7, 3)), document.Colophon);
    }

    [Fact]
    public void The_number_prefix_and_the_date_are_read_before_binding()
    {
        var template = Template();

        Assert.Equal("信市监容反", TemplateBinder.NumberPrefix(template, Data()));
        Assert.Equal(new DateOnly(2026, 7, 3), TemplateBinder.DateOf(template, Data()));
        Assert.Null(TemplateBinder.NumberPrefix(template with { NumberPrefix = null }, Data()));
    }

    [Fact]
    public void Placeholders_may_have_spaces_inside_the_braces()
    {
        var document = TemplateBinder.Bind(Template(new TemplateBlock { Text = "{{ case.title }}" }), Data(), null);

        Assert.Equal("抽检复查不及时", Only<Paragraph>(document.Body).Text);
    }

    [Fact]
    public void Each_repeats_a_block_once_per_list_item_with_its_item_fields()
    {
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Heading = "三、符合容错免责条件的理由" },
            new TemplateBlock { Each = "claims", Text = "{{item.article}}“{{item.text}}”：{{item.explanation}}（{{case.number}}）" }), Data(), null);

        Assert.Equal(
            ["第四条第（一）项“执行上级决策部署”：有文件为证（2026-0007）", "第四条第（六）项“及时纠正”：当日下架（2026-0007）"],
            document.Body.OfType<Paragraph>().Select(p => p.Text));
        Assert.Equal(new Heading("三、符合容错免责条件的理由", 1), document.Body[0]);
    }

    [Fact]
    public void Each_with_a_row_builds_one_table_with_a_header_row()
    {
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Each = "claims", Header = ["条款", "原文"], Row = ["{{item.article}}", "{{item.text}}"] }), Data(), null);

        var table = Only<Table>(document.Body);
        Assert.True(table.HasHeader);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["条款", "原文"], table.Rows[0]);
        Assert.Equal(["第四条第（六）项", "及时纠正"], table.Rows[2]);
    }

    [Fact]
    public void Each_over_an_empty_list_gives_nothing_or_a_header_only_table()
    {
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Each = "votes", Text = "{{item.name}}：{{item.choice}}" },
            new TemplateBlock { Each = "findings", Header = ["条款", "结论"], Row = ["{{item.article}}", "{{item.verdict}}"] }), Data(), null);

        Assert.Empty(document.Body.OfType<Paragraph>());
        Assert.Equal(["条款", "结论"], Assert.Single(Only<Table>(document.Body).Rows));
    }

    [Fact]
    public void When_skips_a_block_whose_field_or_list_is_empty_and_keeps_it_otherwise()
    {
        var template = Template(
            new TemplateBlock { When = "decision.mitigation", Text = "从轻或减轻处理方式：{{decision.mitigation}}" },
            new TemplateBlock { When = "resultUses", Text = "可在以下方面予以免责：" },
            new TemplateBlock { When = "claims", Text = "主张了条件。" },
            new TemplateBlock { Text = "特此通知。" });
        var without = Data();
        without["decision.mitigation"] = "";
        var with = Data();
        with["decision.mitigation"] = "免予党纪政务处分";
        with.SetList("resultUses", [Item(("article", "第十一条第（一）项"), ("text", "考核不扣分"))]);

        Assert.Equal(["主张了条件。", "特此通知。"], TemplateBinder.Bind(template, without, null).Body.OfType<Paragraph>().Select(p => p.Text));
        Assert.Equal(["从轻或减轻处理方式：免予党纪政务处分", "可在以下方面予以免责：", "主张了条件。", "特此通知。"],
            TemplateBinder.Bind(template, with, null).Body.OfType<Paragraph>().Select(p => p.Text));
    }

    [Fact]
    public void A_value_of_several_lines_becomes_several_paragraphs_of_the_same_kind()
    {
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Text = "{{case.description}}" },
            new TemplateBlock { Line = "{{case.description}}" }), Data(), null);

        Assert.Equal(["第一段事实。", "第二段事实。", "第三段事实。"], document.Body.OfType<Paragraph>().Select(p => p.Text));
        Assert.Equal(["第一段事实。", "第二段事实。", "第三段事实。"], document.Body.OfType<PlainLine>().Select(p => p.Text));
    }

    [Fact]
    public void A_blank_line_written_in_the_template_stays_a_blank_line()
    {
        // talk-record.json leaves four empty lines under 谈话内容 for the handwritten record.
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Heading = "谈话内容" },
            new TemplateBlock { Line = "" },
            new TemplateBlock { Line = "" },
            new TemplateBlock { Line = "谈话对象签字：" }), Data(), null);

        Assert.Equal([new Heading("谈话内容", 1), new PlainLine(""), new PlainLine(""), new PlainLine("谈话对象签字：")], document.Body);
    }

    [Fact]
    public void Headings_of_both_levels_and_lines_keep_their_kind()
    {
        var document = TemplateBinder.Bind(Template(
            new TemplateBlock { Heading = "一、{{case.title}}" },
            new TemplateBlock { Heading2 = "（一）回避情况" },
            new TemplateBlock { Line = "时间：{{feedback.issuedOn}}" },
            new TemplateBlock { Table = [["案件编号", "{{case.number}}"]] }), Data(), null);

        Assert.Equal(new Heading("一、抽检复查不及时", 1), document.Body[0]);
        Assert.Equal(new Heading("（一）回避情况", 2), document.Body[1]);
        Assert.Equal(new PlainLine("时间：2026年7月3日"), document.Body[2]);
        var table = Assert.IsType<Table>(document.Body[3]);
        Assert.False(table.HasHeader);
        Assert.Equal(["案件编号", "2026-0007"], Assert.Single(table.Rows));
    }

    [Fact]
    public void A_field_the_case_lacks_is_refused_naming_the_document_the_chinese_field_name_and_the_case()
    {
        var template = Template(new TemplateBlock { Text = "{{feedback.resultText}}" });

        var ex = Assert.Throws<DocumentUnavailableException>(() => TemplateBinder.Bind(template, Data(), null));

        Assert.Contains("结果反馈通知书", ex.Message);
        Assert.Contains("反馈的认定结果", ex.Message);
        Assert.Contains("2026-0007", ex.Message);
    }

    [Fact]
    public void A_missing_date_is_refused_by_its_chinese_name()
    {
        var data = Data();
        data["feedback.issuedOn"] = null;

        var ex = Assert.Throws<DocumentUnavailableException>(() => TemplateBinder.Bind(Template(), data, null));

        Assert.Contains("结果反馈通知书", ex.Message);
        Assert.Contains("反馈日期", ex.Message);
    }

    [Fact]
    public void A_missing_field_in_the_title_or_recipient_is_refused_too()
    {
        var data = Data();
        data["application.applicantName"] = null;

        var ex = Assert.Throws<DocumentUnavailableException>(() => TemplateBinder.Bind(Template(), data, null));

        Assert.Contains("申请人", ex.Message);
    }

    [Fact]
    public void A_field_inside_a_skipped_block_is_not_required()
    {
        var document = TemplateBinder.Bind(Template(new TemplateBlock { When = "decision.reasons", Text = "{{decision.reasons}}" }), Data(), null);

        Assert.Empty(document.Body);
    }

    [Fact]
    public void The_document_number_field_needs_a_number()
    {
        var template = Template(new TemplateBlock { Text = "文号：{{document.number}}" });

        var ex = Assert.Throws<DocumentUnavailableException>(() => TemplateBinder.Bind(template, Data(), null));
        Assert.Contains("发文字号", ex.Message);

        var bound = TemplateBinder.Bind(template, Data(), DocumentNumber.Create("信市监容反", 2026, 4));
        Assert.Equal("文号：信市监容反〔2026〕4号", Only<Paragraph>(bound.Body).Text);
    }

    [Fact]
    public void Document_data_refuses_a_field_no_template_may_use()
    {
        var data = Data();

        Assert.Throws<ArgumentException>(() => data["case.nonsense"] = "x");
        Assert.Throws<ArgumentException>(() => data.SetList("nonsense", []));
    }
}
