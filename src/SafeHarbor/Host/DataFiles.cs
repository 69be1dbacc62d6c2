using System.Globalization;
using SafeHarbor.Calendar;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

/// <summary>
/// The data files an administrator may replace (policy versions, holiday notices, document templates), checked
/// at start and on every <c>/health</c> request: a problem is a clear Chinese sentence, never an unhandled exception.
/// </summary>
public static class DataFiles
{
    /// <param name="Blocking">The procedure cannot run without it (policies, the shipped calendar); documents alone can.</param>
    public sealed record Problem(string Part, string Message, bool Blocking);

    /// <summary>The answer of <c>GET /health</c>.</summary>
    public sealed record HealthAnswer(string Status, IReadOnlyList<Problem> Problems, string? Calendar);

    public static IReadOnlyList<Problem> Check(IServiceProvider services)
    {
        var problems = new List<Problem>();
        try
        {
            services.GetRequiredService<PolicyCatalog>();
        }
        catch (PolicyLoadException e)
        {
            problems.Add(new Problem("policies", $"容错免责办法文件有误，办理功能暂不可用：{e.Message}", Blocking: true));
        }
        try
        {
            if (services.GetRequiredService<CalendarSource>().Problem is { } added)
            {
                problems.Add(new Problem("calendar", added, Blocking: false));
            }
        }
        catch (CalendarDataException e)
        {
            problems.Add(new Problem("calendar", $"节假日数据有误，涉及工作日的功能暂不可用：{e.Message}", Blocking: true));
        }
        try
        {
            services.GetRequiredService<DocumentTemplateSource>().Load();
        }
        catch (TemplateException e)
        {
            problems.Add(new Problem("templates", $"文书模板有误，生成公文暂不可用：{e.Message}", Blocking: false));
        }
        return problems;
    }

    /// <summary>Which notices are loaded and which years are counted on the law (暂定), as the start-up log and /health say it.</summary>
    public static string DescribeCalendar(WorkingDayCalendar calendar, DateOnly today)
    {
        var years = calendar.CoveredYears;
        var text = string.Create(CultureInfo.InvariantCulture, $"节假日安排：已载入 {years[0]}–{years[^1]} 年");
        var provisional = calendar.YearsAwaitingNotice(today);
        return provisional.Count == 0
            ? text + "。"
            : text + string.Create(CultureInfo.InvariantCulture,
                $"；{string.Join("、", provisional)} 年尚无安排，涉及的期限按法定节假日和周末推算，标注“暂定”，录入安排后自动重算。");
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (IServiceProvider services, TimeProvider time) =>
            {
                var problems = Check(services);
                string? calendar = null;
                if (!problems.Any(p => p.Part == "calendar" && p.Blocking))
                {
                    calendar = DescribeCalendar(services.GetRequiredService<CalendarSource>().Current, ChinaClock.Today(time));
                }
                return new HealthAnswer(problems.Count == 0 ? "Healthy" : "Degraded", problems, calendar);
            })
            .AllowAnonymous()
            .WithTags("运行状态")
            .WithSummary("运行状态：数据文件（办法、节假日安排、文书模板）是否正常，节假日安排载入到哪一年");
        return app;
    }
}
