using System.Net;
using SafeHarbor.Host;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.IntegrationTests.Tenancy;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// 三员分立: none of the three administrators reads case contents. On the demo, every GET endpoint and page of case
/// material — cases, their steps, evidence, documents and PDF jobs, meetings, corrections, abuse reports, result uses,
/// profiles, deadline notices — is asked by the city's system, security and audit administrators for the city's own
/// records: each answers 403 or 404. The routes are read from the running app, so a new one is asked too.
/// </summary>
public sealed class SeparationOfDutiesRouteTests
{
    private static readonly string[] Administrators = ["sysadmin", "secadmin", "auditadmin"];

    private static readonly string[] CaseContent =
    [
        "/Cases", "/api/cases", "/Meetings", "/api/meetings", "/api/document-jobs", "/Correction", "/api/correction", "/AbuseReports", "/api/abuse-reports",
        "/ResultUses", "/api/result-uses", "/People", "/api/people", "/api/deadline-notices",
    ];

    [Theory, AllDatabases]
    public async Task No_administrator_reads_any_case_content_through_any_endpoint_or_page(Db kind)
    {
        await using var demo = await DemoBureau.StartAsync(kind);
        await TenantIsolationTests.MakeEvidenceAndPdfJobAsync(demo);
        var records = await TenantIsolationTests.RecordsAsync(demo, "qh");
        var routes = TenantIsolationTests.ReadRoutes(demo.Services, withoutIds: true)
            .Where(r => CaseContent.Any(prefix => r.Pattern == prefix || r.Pattern.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.Contains(routes, r => r.Page && r.Pattern == "/Cases");
        Assert.Contains(routes, r => !r.Page && r.Pattern == "/api/cases/{caseId:guid}/evidence/{fileId:guid}");

        var browsers = new Dictionary<string, Browser>();
        try
        {
            var problems = new List<string>();
            foreach (var route in routes)
            {
                var url = TenantIsolationTests.Fill(route.Pattern, records);
                Assert.True(url is not null, $"{route.Pattern}: no record to fill it with");
                foreach (var user in Administrators)
                {
                    var status = await TenantIsolationTests.GetAsync(demo, browsers, route.Page, user, url!);
                    if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect) || (status == HttpStatusCode.Redirect && !route.Page))
                    {
                        problems.Add($"{url}: {user} {(int)status}");
                    }
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(routes.Count >= 40, $"only {routes.Count} routes were asked");
        }
        finally
        {
            foreach (var b in browsers.Values)
            {
                b.Dispose();
            }
        }
    }
}
