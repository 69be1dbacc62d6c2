using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Calendar;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Admin;

/// <summary>A holiday notice an administrator added (/Admin/Calendar or the API), as the JSON of a data file, shared by every node.</summary>
public sealed class CalendarNotice
{
    public int Year { get; set; }
    public required string FileName { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class CalendarNoticeConfiguration : IEntityTypeConfiguration<CalendarNotice>
{
    public void Configure(EntityTypeBuilder<CalendarNotice> b)
    {
        b.ToTable("CalendarNotices");
        b.HasKey(n => n.Year);
        b.Property(n => n.Year).ValueGeneratedNever();
        b.Property(n => n.FileName).HasMaxLength(20);
    }
}

/// <summary>
/// Keeps the process's <see cref="CalendarSource"/> in step with the notices in the database: read at start,
/// and again every <c>Calendar:RefreshSeconds</c> (default 10) by <see cref="CalendarRefresher"/>, so a year
/// another node added is in force here within seconds; the node that adds one has it at once.
/// </summary>
public static class CalendarNotices
{
    public static async Task<IReadOnlyList<AddedNotice>> LoadAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Set<CalendarNotice>().AsNoTracking().OrderBy(n => n.Year).ToListAsync(ct))
        .Select(n => new AddedNotice(n.Year, n.FileName, Encoding.UTF8.GetBytes(n.Json)))
        .ToList();

    /// <summary>Puts the stored notices in force; true when the calendar changed.</summary>
    public static async Task<bool> RefreshAsync(SafeHarborDb db, CalendarSource source, CancellationToken ct) =>
        source.Use(await LoadAsync(db, ct));

    /// <summary>
    /// Moves notices earlier versions wrote as files (<c>Calendar:AddedDirectory</c>, default <c>data/calendar</c>)
    /// into the database, once: a year already there is left alone, a broken file is named on /health and left
    /// out. Answers the years moved.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ImportFilesAsync(SafeHarborDb db, CalendarSource source, string directory, TimeProvider time, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var moved = new List<int>();
        var stored = (await db.Set<CalendarNotice>().Select(n => n.Year).ToListAsync(ct)).ToHashSet();
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            AddedNotice notice;
            HolidayNotice parsed;
            try
            {
                notice = AddedNotice.FromFile(path);
                parsed = notice.Parse();
            }
            catch (Exception e) when (e is CalendarDataException or IOException or UnauthorizedAccessException)
            {
                source.ReportImportProblem($"录入的节假日安排有误，已暂不采用（{Path.GetFullPath(directory)}）：{e.Message}。请修正或删除该文件后重启；在此之前相关年度按法定节假日和周末推算（暂定）。");
                continue;
            }
            if (!stored.Add(parsed.Year) || source.Current.Notices.Any(n => n.Year == parsed.Year && !source.IsAdded(n.Year)))
            {
                continue;
            }
            db.Add(new CalendarNotice { Year = parsed.Year, FileName = notice.FileName, Json = Encoding.UTF8.GetString(notice.Content), AddedAt = time.GetUtcNow().ToUniversalTime() });
            try
            {
                await db.SaveChangesAsync(ct);
                moved.Add(parsed.Year);
            }
            catch (DbUpdateException)
            {
                // Another node moved it at the same start.
                db.ChangeTracker.Clear();
            }
        }
        return moved;
    }
}

/// <summary>
/// Reloads the added notices from the database every <c>Calendar:RefreshSeconds</c> (default 10). When another
/// node added a year, this node puts it in force and recomputes the provisional deadlines it may have stored
/// meanwhile (the recomputation is idempotent: a deadline the other node already settled is not provisional any more).
/// </summary>
public sealed class CalendarRefresher(IServiceScopeFactory scopes, CalendarSource source, IConfiguration configuration, ILogger<CalendarRefresher> log) : BackgroundService
{
    public const double DefaultRefreshSeconds = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Calendar:RefreshSeconds", DefaultRefreshSeconds) is > 0 and var s ? s : DefaultRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                if (await CalendarNotices.RefreshAsync(scope.ServiceProvider.GetRequiredService<SafeHarborDb>(), source, stoppingToken))
                {
                    log.LogInformation("Holiday notices changed in the database; years now covered: {Years}", string.Join(", ", source.Current.CoveredYears));
                    await RecomputeDeadlines.RunForEveryBureauAsync(scopes, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "The holiday notices could not be reloaded from the database; trying again in {Every}", every);
            }
        }
    }
}
