using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Prevention;
using SafeHarbor.Host;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;

namespace SafeHarbor.IntegrationTests.Tenancy;

/// <summary>
/// Bureaus are tenants: on the demo (the city bureau and two county bureaus), every read endpoint and page
/// whose route names a record is asked, by the people of a county bureau, for the city's record of that kind.
/// None may answer it: whoever passes the role check gets 404, as for a record that does not exist. The route
/// table is read from the running app, so a new route with an id is tested too (or fails until it is mapped).
/// </summary>
public sealed partial class TenantIsolationTests
{
    /// <summary>白河县局's people: together they hold every role a read needs.</summary>
    private static readonly string[] CountyUsers = ["jiangt", "sunl", "zhaol", "heyy", "tianx", "shiyq", "bhadmin", "bhsec", "bhaudit", "luoj", "xiaoy"];

    [Theory, AllDatabases]
    public async Task A_county_bureau_reads_none_of_the_city_bureaus_records_through_any_endpoint_or_page(Db kind)
    {
        await using var demo = await DemoBureau.StartAsync(kind);
        await MakeEvidenceAndPdfJobAsync(demo);
        var city = await RecordsAsync(demo, "qh");
        var county = await RecordsAsync(demo, "qh-bh");

        var routes = ReadRoutes(demo.Services).ToList();
        Assert.Contains(routes, r => r.Page && r.Pattern == "/Cases/{id:guid}");
        Assert.Contains(routes, r => !r.Page && r.Pattern.StartsWith("/api/cases/{caseId:guid}", StringComparison.Ordinal));

        var browsers = new Dictionary<string, Browser>();
        try
        {
            var problems = new List<string>();
            var answered = 0;
            foreach (var route in routes)
            {
                var url = Fill(route.Pattern, city);
                if (url is null)
                {
                    problems.Add($"{route.Pattern}: no record kind is known for its id; map it in {nameof(EntityOf)}");
                    continue;
                }
                var statuses = new List<HttpStatusCode>();
                foreach (var user in CountyUsers)
                {
                    statuses.Add(await GetAsync(demo, browsers, route.Page, user, url));
                }
                var own = Fill(route.Pattern, county);
                var ownStatuses = new List<HttpStatusCode>();
                foreach (var user in own is null ? [] : CountyUsers)
                {
                    ownStatuses.Add(await GetAsync(demo, browsers, route.Page, user, own!));
                }
                if (route.Page && statuses.All(s => s == HttpStatusCode.Redirect) && ownStatuses.All(s => s == HttpStatusCode.Redirect))
                {
                    continue; // a page that only takes a form post sends every GET elsewhere, whoever's the record: nothing is read
                }
                answered++;
                var who = string.Join(", ", CountyUsers.Select((u, i) => $"{u} {(int)statuses[i]}{(own is null ? "" : $"/{(int)ownStatuses[i]}")}"));
                // Nobody reads the city's record; whoever passes the role check is told it does not exist.
                if (statuses.Any(s => s is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden)) || !statuses.Contains(HttpStatusCode.NotFound))
                {
                    problems.Add($"{url}: {who}");
                }
                // And the 404 is the bureau's wall, not a broken route: someone told 404 for the city's record finds the county's own.
                else if (own is not null && !statuses.Select((s, i) => s == HttpStatusCode.NotFound && ownStatuses[i] != HttpStatusCode.NotFound).Any(x => x))
                {
                    problems.Add($"{own} (the county's own record) is not found either: {who}");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(answered >= 30, $"only {answered} routes with ids were asked");

            // Lists show the bureau's own records only.
            var countyCases = await demo.WithDbAsync(d => d.Cases.IgnoreQueryFilters().Where(c => c.BureauId == d.Bureaus.Single(b => b.Code == "qh-bh").Id).Select(c => c.Id).ToListAsync());
            var listed = await demo.As("jiangt").GetOkAsync("/api/cases?pageSize=100");
            Assert.Equal(countyCases.Order(), listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Order());
            var persons = await demo.As("jiangt").GetOkAsync("/api/persons");
            Assert.DoesNotContain(persons.EnumerateArray(), p => p.GetProperty("name").GetString() == "何晓峰");
            Assert.Contains(persons.EnumerateArray(), p => p.GetProperty("name").GetString() == "肖燕");
        }
        finally
        {
            foreach (var b in browsers.Values)
            {
                b.Dispose();
            }
        }
    }

    [Theory, AllDatabases]
    public async Task Each_bureau_numbers_its_own_cases_and_keeps_its_own_audit_chain(Db kind)
    {
        await using var demo = await DemoBureau.StartAsync(kind);
        await using var scope = demo.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        var bureaus = await db.Bureaus.AsNoTracking().ToListAsync();
        Assert.Equal(["qh", "qh-bh", "qh-ds"], bureaus.OrderBy(b => b.SortOrder).Select(b => b.Code));
        Assert.All(bureaus.Where(b => b.Code != "qh"), b => Assert.Equal(bureaus.Single(x => x.Code == "qh").Id, b.ParentId));
        foreach (var bureau in bureaus)
        {
            var numbers = await db.Cases.AsNoTracking().Where(c => c.BureauId == bureau.Id).Select(c => c.Number).OrderBy(n => n).ToListAsync();
            // Each bureau counts from 1: a county's first case is 2026-0001 as the city's is.
            Assert.Equal($"{DemoBureau.Today.Year}-0001", numbers[0]);
            var verification = await SafeHarbor.Audit.AuditLog.VerifyAsync(db, bureau.Id, default);
            Assert.True(verification.IsIntact, $"{bureau.Code}: {verification.Message}");
            Assert.True(verification.EntriesChecked > 10, $"{bureau.Code}: {verification.EntriesChecked}");
        }
        // Every entry that names a case is in the chain of the case's bureau.
        var misplaced = await db.AuditEntries.AsNoTracking().Where(e => e.CaseId != null)
            .Join(db.Cases.AsNoTracking(), e => e.CaseId, c => c.Id, (e, c) => new { e.BureauId, CaseBureau = c.BureauId })
            .CountAsync(x => x.BureauId != x.CaseBureau);
        Assert.Equal(0, misplaced);
    }

    /// <summary>The city has no evidence file or PDF job in the demo: one of each, made by its own people.</summary>
    internal static async Task MakeEvidenceAndPdfJobAsync(DemoBureau demo)
    {
        foreach (var bureau in new[] { ("qh", "hexf", "liuzg"), ("qh-bh", "luoj", "jiangt") })
        {
            var caseId = await demo.WithDbAsync(async db =>
            {
                var id = await db.Bureaus.Where(b => b.Code == bureau.Item1).Select(b => b.Id).SingleAsync();
                var applicant = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == bureau.Item2).Select(u => u.PersonId).SingleAsync();
                return await db.Cases.IgnoreQueryFilters().Where(c => c.BureauId == id && c.Subjects.Any(s => s.PersonId == applicant)).OrderByDescending(c => c.Number).Select(c => c.Id).FirstAsync();
            });
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent("情况说明"u8.ToArray()) { Headers = { ContentType = new("text/plain") } }, "file", "情况说明.txt" },
                { new StringContent("情况说明"), "description" },
            };
            using var upload = await demo.As(bureau.Item2).PostAsync($"/api/cases/{caseId}/evidence", form);
            Assert.True(upload.IsSuccessStatusCode, $"{bureau.Item1} evidence: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            using var pdf = await demo.As(bureau.Item3).PostAsync($"/api/cases/{caseId}/documents/application/pdf", null);
            Assert.True(pdf.IsSuccessStatusCode, $"{bureau.Item1} pdf: {(int)pdf.StatusCode} {await pdf.Content.ReadAsStringAsync()}");
        }
    }

    internal static async Task<HttpStatusCode> GetAsync(DemoBureau demo, Dictionary<string, Browser> browsers, bool page, string user, string url)
    {
        if (!page)
        {
            using var response = await demo.As(user).GetAsync(url);
            return response.StatusCode;
        }
        if (!browsers.TryGetValue(user, out var browser))
        {
            browser = new Browser(demo);
            var signedIn = await browser.SignInAsync(user, DemoData.Password);
            Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"sign-in as {user}: {(int)signedIn.Status}");
            browsers[user] = browser;
        }
        var answer = await browser.GetAsync(url);
        return answer.Status;
    }

    internal sealed record Route(string Pattern, bool Page);

    private sealed record Row(Guid Id, Guid? CaseId);

    /// <summary>Every GET endpoint and page whose route names a record by a GUID (or every one, <paramref name="withoutIds"/>).</summary>
    internal static IEnumerable<Route> ReadRoutes(IServiceProvider services, bool withoutIds = false) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => withoutIds || e.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Any(x => x.Content == "guid")))
            .Select(e => new
            {
                Pattern = "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Page = e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<CompiledPageActionDescriptorMarker>() is not null,
                Get = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true,
            })
            .Where(e => e.Get)
            .Select(e => new Route(e.Pattern, e.Page))
            .DistinctBy(r => r.Pattern);

    /// <summary>Marker for compiled pages when the descriptor type differs; never instantiated.</summary>
    private sealed class CompiledPageActionDescriptorMarker;

    /// <summary>The ids of one bureau's first record of each kind (and the case an evidence file or job belongs to).</summary>
    internal static Task<Dictionary<string, (Guid Id, Guid? CaseId)>> RecordsAsync(DemoBureau demo, string code) => demo.WithDbAsync(async db =>
    {
        var bureau = await db.Bureaus.Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
        var found = new Dictionary<string, (Guid, Guid?)>();
        async Task Add(string entity, IQueryable<Row> rows)
        {
            if (await rows.FirstOrDefaultAsync() is { } row)
            {
                found[entity] = (row.Id, row.CaseId);
            }
        }
        var cases = db.Cases.IgnoreQueryFilters().Where(x => x.BureauId == bureau);
        // A case that went furthest, so every stage's page has something to show.
        found["case"] = (await cases.OrderBy(x => x.Number).Select(x => x.Id).FirstAsync(), null);
        await Add("person", db.Persons.IgnoreQueryFilters().Where(x => x.BureauId == bureau).OrderBy(x => x.Name).Select(x => new Row(x.Id, null)));
        await Add("user", db.Users.IgnoreQueryFilters().Where(x => x.BureauId == bureau && x.PersonId != null).OrderBy(x => x.UserName).Select(x => new Row(x.Id, null)));
        await Add("meeting", db.Set<Meeting>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("evidence", db.Set<EvidenceFile>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, x.CaseId)));
        await Add("job", db.Set<DocumentJob>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, x.CaseId)));
        await Add("period", db.Set<AssessmentPeriod>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("scheme", db.Set<AssessmentScheme>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("assessment", db.Set<PersonAssessment>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("risk-point", db.Set<RiskPoint>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("warning", db.Set<WarningNotice>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, null)));
        await Add("abuse-report", db.Set<SafeHarbor.Features.AbuseReports.AbuseReport>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.Id, x.CaseId)));
        await Add("correction", db.Set<SafeHarbor.Features.Correction.RectificationPlan>().IgnoreQueryFilters().Where(x => x.BureauId == bureau).Select(x => new Row(x.CaseId, x.CaseId)));
        return found;
    });

    /// <summary>The route with its parameters filled from <paramref name="records"/>; null when a record kind is unknown or missing.</summary>
    internal static string? Fill(string pattern, Dictionary<string, (Guid Id, Guid? CaseId)> records)
    {
        var entities = Parameter().Matches(pattern).Select(m => EntityOf(pattern, m)).ToList();
        // A route naming a record that belongs to a case (evidence, a job) takes the case of that record.
        var owner = entities.FirstOrDefault(e => e is "evidence" or "job");
        var url = pattern;
        foreach (Match m in Parameter().Matches(pattern))
        {
            var entity = EntityOf(pattern, m);
            string? value = entity switch
            {
                null => null,
                "kind" => "application",
                "text" => "2026-09-21",
                "case" when owner is not null => records.TryGetValue(owner, out var r) ? r.CaseId?.ToString() : null,
                _ => records.TryGetValue(entity, out var record) ? record.Id.ToString() : null,
            };
            if (value is null)
            {
                return null;
            }
            url = url.Replace(m.Value, value, StringComparison.Ordinal);
        }
        return url;
    }

    /// <summary>Which kind of record a route parameter names, from its name and the segment before it.</summary>
    private static string? EntityOf(string pattern, Match parameter)
    {
        var name = parameter.Groups["name"].Value;
        var before = pattern[..parameter.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return (name, segment) switch
        {
            ("caseId", _) => "case",
            ("personId", _) => "person",
            ("fileId", _) => "evidence",
            ("jobId", _) => "job",
            ("periodId", _) => "period",
            ("kind", _) => "kind",
            ("date", _) => "text",
            ("id", "Cases" or "cases") => "case",
            ("id", "Correction") => "correction",
            ("id", "Meetings" or "meetings") => "meeting",
            ("id", "Accounts" or "Roles" or "users") => "user",
            ("id", "persons" or "people") => "person",
            ("id", "Periods" or "periods") => "period",
            ("id", "Schemes" or "schemes") => "scheme",
            ("id", "assessments") => "assessment",
            ("id", "risk-points") => "risk-point",
            ("id", "Warnings" or "warnings") => "warning",
            ("id", "abuse-reports") => "abuse-report",
            _ => null,
        };
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
