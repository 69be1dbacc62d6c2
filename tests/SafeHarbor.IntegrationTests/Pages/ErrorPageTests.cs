using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>What the user sees when something is missing or fails: a Chinese page, a request number, never a stack trace.</summary>
public sealed class ErrorPageTests
{
    private static readonly string[] StackTraceMarks = ["Exception", "   at ", "StackTrace", "at SafeHarbor", ".cs:line", "SQLite Error", "no such table", "42P01", "Npgsql"];

    [Theory, AllDatabases]
    public async Task An_unknown_case_answers_404_with_the_Chinese_not_found_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var inv = await Browser.SignedInAsync(app, "inv");

        foreach (var url in new[] { $"/Cases/{Guid.NewGuid()}", $"/Cases/{Guid.NewGuid()}/Verify", $"/Meetings/{Guid.NewGuid()}", "/Cases/not-a-case", "/Nowhere" })
        {
            var page = await inv.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url}: {(int)page.Status}");
            Assert.Equal("text/html", page.ContentType);
            Assert.Equal("找不到页面", page.TextOf("main [role=alert] h1"));
            Assert.Contains("您要找的页面或案件不存在，或不在您的查看范围内。", page.Text);
            Assert.Contains("请求编号：", page.Text);
            Assert.Equal("刘纪检", page.TextOf("[data-testid=user-name]")); // still inside the signed-in layout
        }
    }

    [Theory, AllDatabases]
    public async Task An_unexpected_error_shows_the_friendly_page_with_a_request_number_and_no_stack_trace(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var office = await Browser.SignedInAsync(app, "office");
        var meetings = await office.GetAsync("/Meetings");
        Assert.Equal(HttpStatusCode.OK, meetings.Status);

        // The database loses the meetings table under the running app.
        await app.WithDbAsync(async d =>
        {
            var table = d.Model.FindEntityType(typeof(Meeting))!.GetTableName();
            var sql = "ALTER TABLE \"" + table + "\" RENAME TO \"" + table + "_lost\"";
            await d.Database.ExecuteSqlRawAsync(sql);
        });

        var failedGet = await office.GetAsync("/Meetings");
        var failedPost = await office.SubmitAsync(meetings, "main form[method=post]", f => f.Set("Input.Title", "2026年第十六次党组会议"));
        foreach (var page in new[] { failedGet, failedPost })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            Assert.Equal("系统出错了", page.TextOf("main [role=alert] h1"));
            Assert.Contains("您的操作没有完成，数据未做任何修改", page.Text);
            Assert.Matches(@"请求编号：\S+", page.Text);
            foreach (var mark in StackTraceMarks)
            {
                Assert.DoesNotContain(mark, page.Html, StringComparison.Ordinal);
            }
        }
    }
}
