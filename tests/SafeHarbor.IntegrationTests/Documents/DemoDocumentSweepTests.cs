using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Support;
using K = SafeHarbor.Documents.DocumentKind;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>Every document kind tried for every demo case once, on one database; the tests below read the results.</summary>
public sealed class DemoSweep : IAsyncDisposable
{
    public sealed record Attempt(Case Case, DocumentKind Kind, CaseDocumentService.Availability Listed, CaseDocumentService.Rendered? Rendered, Exception? Error)
    {
        public override string ToString() => $"{Case.Number} {Case.Title} / {Kind.Slug()}";
    }

    private DemoSweep(DemoBureau app, IReadOnlyList<Case> cases, IReadOnlyList<Attempt> attempts)
    {
        App = app;
        Cases = cases;
        Attempts = attempts;
    }

    public DemoBureau App { get; }
    public IReadOnlyList<Case> Cases { get; }
    public IReadOnlyList<Attempt> Attempts { get; }
    public IEnumerable<Attempt> RenderedAttempts => Attempts.Where(a => a.Rendered is not null);

    public static async Task<DemoSweep> RunAsync(Db db)
    {
        var app = await DemoBureau.StartAsync(db);
        var cases = await app.CasesAsync();
        var attempts = new List<Attempt>();
        foreach (var c in cases)
        {
            var listed = await app.WithScopeAsync(sp => InBureauOf(c, sp).ListAsync(c, Actor.System("公文测试") with { SeesAllCases = true }, CancellationToken.None));
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                try
                {
                    var rendered = await app.WithScopeAsync(sp => InBureauOf(c, sp)
                        .RenderDocxAsync(c, kind, null, Actor.System("公文测试"), CancellationToken.None));
                    attempts.Add(new Attempt(c, kind, listed.Single(a => a.Kind == kind), rendered, null));
                }
                catch (Exception e)
                {
                    attempts.Add(new Attempt(c, kind, listed.Single(a => a.Kind == kind), null, e));
                }
            }
        }
        return new DemoSweep(app, cases, attempts);
    }

    /// <summary>The documents service of a scope that acts in the case's bureau (its numbers, its chain).</summary>
    private static CaseDocumentService InBureauOf(Case c, IServiceProvider services)
    {
        services.GetRequiredService<SafeHarbor.Infrastructure.Persistence.SafeHarborDb>().ScopeTo(c.BureauId);
        return services.GetRequiredService<CaseDocumentService>();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>One sweep per database, made when a test first asks for it and shared by the tests of the class.</summary>
public sealed class DemoSweeps : IAsyncDisposable
{
    private readonly Dictionary<Db, Lazy<Task<DemoSweep>>> sweeps =
        Enum.GetValues<Db>().ToDictionary(db => db, db => new Lazy<Task<DemoSweep>>(() => DemoSweep.RunAsync(db)));

    public Task<DemoSweep> OnAsync(Db db) => sweeps[db].Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var sweep in sweeps.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await sweep.Value.Result.DisposeAsync();
        }
    }
}

/// <summary>
/// The demo bureau's 14 cases × 13 document kinds, on each database: each document either renders as a schema-valid DOCX in the
/// GB/T 9704-2012 layout (numbered kinds with a well-formed 青市监…〔2026〕N号 in the text), or the service says
/// which fact is missing — and which ones render follows from how far each case has come.
/// </summary>
public sealed class DemoDocumentSweepTests(DemoSweeps sweeps) : IClassFixture<DemoSweeps>
{
    private static readonly DocumentKind[] Numbered =
        [K.InvestigationReport, K.GuidanceRequest, K.SupplementNotice, K.DeterminationOpinion, K.FeedbackNotice, K.RefusalNotice, K.Circular, K.ReminderLetter, K.RectificationNotice];

    /// <summary>What each demo case can produce, from the facts its stage has.</summary>
    public static readonly IReadOnlyDictionary<string, DocumentKind[]> Expected = new Dictionary<string, DocumentKind[]>
    {
        // Exempted, published by circular, archived: everything but the refusal and the requests it never had.
        [DemoCases.ArchivedExempted] = [K.Application, K.InvestigationReport, K.DeterminationOpinion, K.MeetingExtract, K.FeedbackNotice, K.Circular, K.FilingForm, K.ReminderLetter, K.TalkRecord, K.RectificationNotice],
        // Not exempted: no reminder, talk or rectification (those follow an exemption or mitigation, Art. 8).
        [DemoCases.NotExempted] = [K.Application, K.InvestigationReport, K.DeterminationOpinion, K.MeetingExtract, K.FeedbackNotice],
        [DemoCases.MitigatedWithFeedback] = [K.Application, K.InvestigationReport, K.DeterminationOpinion, K.MeetingExtract, K.FeedbackNotice, K.ReminderLetter, K.TalkRecord, K.RectificationNotice],
        [DemoCases.Refused] = [K.Application, K.RefusalNotice],
        [DemoCases.Withdrawn] = [K.Application],
        [DemoCases.RepeatApplied] = [K.Application],
        [DemoCases.Registered] = [],
        [DemoCases.RegisteredToday] = [],
        [DemoCases.GuidanceAndSupplement] = [K.Application, K.GuidanceRequest, K.SupplementNotice],
        [DemoCases.Reported] = [K.Application, K.InvestigationReport, K.GuidanceRequest],
        [DemoCases.Scheduled] = [K.Application, K.InvestigationReport],
        [DemoCases.DecidedMitigated] = [K.Application, K.InvestigationReport, K.DeterminationOpinion, K.MeetingExtract, K.ReminderLetter, K.TalkRecord, K.RectificationNotice],
        // Made known at a meeting, not by a written circular: so no 通报 document.
        [DemoCases.PublishedAtMeeting] = [K.Application, K.InvestigationReport, K.DeterminationOpinion, K.MeetingExtract, K.FeedbackNotice, K.ReminderLetter, K.TalkRecord, K.RectificationNotice],
        [DemoCases.UnderVerification] = [K.Application],
    };

    [Theory, AllDatabases]
    public async Task The_demo_bureau_has_its_14_cases_each_tried_with_every_kind(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        Assert.Equal(14, sweep.Cases.Count);
        Assert.Equal(14 * 13, sweep.Attempts.Count);
        Assert.Equal(Expected.Keys.Order(), sweep.Cases.Select(c => c.Title).Order());
    }

    [Theory, AllDatabases]
    public async Task Rendering_fails_only_for_a_missing_fact_never_with_another_error(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var other = sweep.Attempts.Where(a => a.Error is not null and not DocumentUnavailableException).ToList();

        Assert.True(other.Count == 0, string.Join("\n", other.Select(a => $"{a}: {a.Error}")));
    }

    [Theory, AllDatabases]
    public async Task Which_documents_render_follows_the_stage_of_each_case(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var wrong = new List<string>();
        foreach (var c in sweep.Cases)
        {
            var expected = Expected[c.Title].Order().ToList();
            var actual = sweep.Attempts.Where(a => a.Case.Id == c.Id && a.Rendered is not null).Select(a => a.Kind).Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                var reasons = sweep.Attempts.Where(a => a.Case.Id == c.Id && expected.Contains(a.Kind) && a.Rendered is null).Select(a => $"    {a.Kind.Slug()}: {a.Error?.Message}");
                wrong.Add($"{c.Number} {c.Title} ({c.Status}): expected [{string.Join(", ", expected.Select(k => k.Slug()))}], rendered [{string.Join(", ", actual.Select(k => k.Slug()))}]\n{string.Join("\n", reasons)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory, AllDatabases]
    public async Task Every_document_kind_renders_for_at_least_one_demo_case(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var never = Enum.GetValues<DocumentKind>().Where(k => !sweep.RenderedAttempts.Any(a => a.Kind == k)).ToList();

        Assert.True(never.Count == 0, "never rendered: " + string.Join(", ", never.Select(k => k.Slug())));
    }

    [Theory, AllDatabases]
    public async Task The_documents_list_agrees_with_rendering(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var disagree = sweep.Attempts.Where(a => a.Listed.Available != (a.Rendered is not null)).Select(a => $"{a}: listed {(a.Listed.Available ? "available" : "unavailable: " + a.Listed.Reason)}, rendering {(a.Rendered is null ? "failed: " + a.Error?.Message : "succeeded")}").ToList();

        Assert.True(disagree.Count == 0, string.Join("\n", disagree));
    }

    [Theory, AllDatabases]
    public async Task An_unavailable_document_says_which_document_which_fact_and_which_case(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var unclear = new List<string>();
        foreach (var a in sweep.Attempts.Where(a => a.Error is DocumentUnavailableException))
        {
            var message = a.Error!.Message;
            var namesField = DocumentFields.Scalars.Values.Concat(DocumentFields.Lists.Values.Select(l => l.Label)).Any(label => message.Contains($"“{label}”", StringComparison.Ordinal));
            if (!message.Contains(a.Kind.Chinese(), StringComparison.Ordinal) || !message.Contains(a.Case.Number, StringComparison.Ordinal) || !namesField)
            {
                unclear.Add($"{a}: {message}");
            }
            if (a.Listed.Reason != message)
            {
                unclear.Add($"{a}: the list says “{a.Listed.Reason}”, rendering says “{message}”");
            }
        }

        Assert.True(unclear.Count == 0, string.Join("\n", unclear));
    }

    [Theory, AllDatabases]
    public async Task Every_rendered_document_has_the_gbt9704_page_grid_and_faces(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var fonts = DocumentFonts.ForThisMachine;
        var problems = new List<string>();
        foreach (var a in sweep.RenderedAttempts)
        {
            using var docx = new RenderedDocx(a.Rendered!.Content);
            problems.AddRange(docx.LayoutProblems(docx.Title, fonts).Select(p => $"{a}: {p}"));
            if (docx.Package.PackageProperties.Subject != a.Kind.Chinese())
            {
                problems.Add($"{a}: subject “{docx.Package.PackageProperties.Subject}”");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, AllDatabases]
    public async Task Numbered_documents_carry_one_well_formed_number_in_their_text_and_the_others_none(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var problems = new List<string>();
        foreach (var a in sweep.RenderedAttempts)
        {
            using var docx = new RenderedDocx(a.Rendered!.Content);
            var numbers = docx.Numbers;
            if (Numbered.Contains(a.Kind))
            {
                if (a.Rendered.Number is not { } number || !DocumentNumber.IsWellFormed(number) || !RenderedDocx.BureauNumber().IsMatch(number))
                {
                    problems.Add($"{a}: number “{a.Rendered.Number}” is not a well-formed 青市监…〔YYYY〕N号");
                }
                else if (numbers.Count != 1 || numbers[0] != number)
                {
                    problems.Add($"{a}: the text shows [{string.Join(", ", numbers)}], the service issued {number}");
                }
                else if (!number.Contains("〔2026〕", StringComparison.Ordinal))
                {
                    problems.Add($"{a}: {number} is not of the document's year 2026");
                }
            }
            else if (a.Rendered.Number is not null || numbers.Count > 0)
            {
                problems.Add($"{a}: an unnumbered kind shows a number ({a.Rendered.Number}; [{string.Join(", ", numbers)}])");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, AllDatabases]
    public async Task Each_kind_numbers_its_documents_1_2_3_in_the_year_and_no_number_is_used_twice(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var numbered = sweep.RenderedAttempts.Where(a => a.Rendered!.Number is not null).ToList();

        Assert.Equal(numbered.Count, numbered.Select(a => a.Rendered!.Number).Distinct().Count());
        foreach (var group in numbered.GroupBy(a => a.Kind))
        {
            var sequences = group.Select(a => int.Parse(a.Rendered!.Number![(a.Rendered.Number!.IndexOf('〕') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(1, group.Count()), sequences);
        }
    }

    [Theory, AllDatabases]
    public async Task Every_rendered_document_is_schema_valid(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var invalid = new List<string>();
        foreach (var a in sweep.RenderedAttempts)
        {
            using var docx = new RenderedDocx(a.Rendered!.Content);
            var errors = docx.ValidationErrors();
            if (errors.Count > 0)
            {
                invalid.Add($"{a}: {errors.Count} errors\n    " + string.Join("\n    ", errors));
            }
        }

        Assert.True(invalid.Count == 0, $"{invalid.Count} of {sweep.RenderedAttempts.Count()} documents invalid:\n" + string.Join("\n", invalid));
    }

    [Theory, AllDatabases]
    public async Task The_file_name_gives_the_case_number_and_the_kind(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        Assert.All(sweep.RenderedAttempts, a => Assert.Equal($"{a.Case.Number} {a.Kind.Chinese()}.docx", a.Rendered!.FileName));
    }

    [Theory, AllDatabases]
    public async Task The_talk_record_leaves_the_blank_lines_its_template_writes_for_the_handwritten_record(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var talk = sweep.Attempts.Single(a => a.Case.Title == DemoCases.ArchivedExempted && a.Kind == K.TalkRecord);
        using var docx = new RenderedDocx(talk.Rendered!.Content);
        var paragraphs = docx.Paragraphs.ToList();

        var heading = paragraphs.IndexOf("谈话内容");
        var signatures = paragraphs.FindIndex(p => p.StartsWith("谈话对象签字", StringComparison.Ordinal));
        Assert.True(heading > 0 && signatures > heading, string.Join(" | ", paragraphs));
        // The template has four { "line": "" } between 谈话内容 and the signatures.
        Assert.True(signatures - heading - 1 >= 4, $"{signatures - heading - 1} blank lines between 谈话内容 and the signatures: {string.Join(" | ", paragraphs[heading..])}");
    }

    [Theory, AllDatabases]
    public async Task Documents_carry_the_facts_of_their_own_case(Db db)
    {
        var sweep = await sweeps.OnAsync(db);
        var archived = sweep.Attempts.Single(a => a.Case.Title == DemoCases.ArchivedExempted && a.Kind == K.FilingForm);
        using (var form = new RenderedDocx(archived.Rendered!.Content))
        {
            Assert.Contains(archived.Case.Number, form.Text);
            Assert.Contains("何晓峰", form.Text);
            Assert.Contains("予以容错免责", form.Text);
        }
        var refused = sweep.Attempts.Single(a => a.Case.Title == DemoCases.Refused && a.Kind == K.RefusalNotice);
        using (var notice = new RenderedDocx(refused.Rendered!.Content))
        {
            Assert.Contains("唐亮", notice.Text);
            Assert.Contains("决定不予受理", notice.Text);
            Assert.StartsWith("中共青禾市市场监督管理局党组", notice.Paragraphs[0]);
        }
        var mitigated = sweep.Attempts.Single(a => a.Case.Title == DemoCases.DecidedMitigated && a.Kind == K.DeterminationOpinion);
        using (var opinion = new RenderedDocx(mitigated.Rendered!.Content))
        {
            Assert.Contains("从轻或减轻处理方式：给予批评教育，责令支队建立调解承诺跟踪台账。", opinion.Paragraphs);
        }
    }
}
