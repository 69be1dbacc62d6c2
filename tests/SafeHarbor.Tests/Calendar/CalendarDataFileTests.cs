using System.Globalization;
using System.Text.Json;
using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

public sealed class CalendarDataFileTests
{
    [Fact]
    public void The_data_folder_has_one_notice_file_per_year_from_2018_to_2026_named_after_its_year()
    {
        string folder = WorkingDayCalendar.DefaultDirectory;

        for (int year = 2018; year <= 2026; year++)
        {
            string path = Path.Combine(folder, year.ToString(CultureInfo.InvariantCulture) + ".json");
            Assert.True(File.Exists(path), $"missing {path}");
        }

        foreach (string path in Directory.GetFiles(folder, "*.json"))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            int year = document.RootElement.GetProperty("year").GetInt32();
            Assert.Equal(Path.GetFileNameWithoutExtension(path), year.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_default_calendar_covers_every_year_from_2018_to_2026()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.LoadDefault();

        Assert.Equal(Enumerable.Range(2018, 9), calendar.CoveredYears);
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2027));
    }

    [Fact]
    public void The_default_calendar_records_each_notice_title_and_document_number()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.LoadDefault();

        foreach (var notice in calendar.Notices)
        {
            Assert.Equal($"国务院办公厅关于{notice.Year}年部分节假日安排的通知", notice.Title);
        }

        var notice2026 = Assert.Single(calendar.Notices, n => n.Year == 2026);
        Assert.Equal("国办发明电〔2025〕7号", notice2026.DocumentNumber);
        Assert.Equal(new DateOnly(2025, 11, 4), notice2026.IssuedOn);
    }
}
