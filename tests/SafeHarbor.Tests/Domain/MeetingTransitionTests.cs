using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;

namespace SafeHarbor.Tests.Domain;

/// <summary>A party-group meeting is open until it closes, once: the closed meeting is the record its minutes and decisions cite.</summary>
public sealed class MeetingTransitionTests
{
    /// <summary>Where closing leads from each status; null where it is refused. Two states, so no table of its own.</summary>
    private static readonly Dictionary<MeetingStatus, MeetingStatus?> CloseLeadsTo = new()
    {
        [MeetingStatus.Open] = MeetingStatus.Closed,
        [MeetingStatus.Closed] = null,
    };

    public static TheoryData<MeetingStatus> EveryStatus() => new(Enum.GetValues<MeetingStatus>());

    private static Meeting NewMeeting() =>
        new() { Id = Guid.NewGuid(), Title = "2026年第9次党组会议", HeldOn = new DateOnly(2026, 9, 21), Place = "局机关第一会议室" };

    private static Meeting MeetingIn(MeetingStatus status)
    {
        var meeting = NewMeeting();
        if (status == MeetingStatus.Closed)
        {
            meeting.Close([]);
        }
        Assert.Equal(status, meeting.Status);
        return meeting;
    }

    [Fact]
    public void The_closing_rules_cover_every_meeting_status()
    {
        Assert.Equal(Enum.GetValues<MeetingStatus>(), CloseLeadsTo.Keys.Order());
    }

    [Theory, MemberData(nameof(EveryStatus))]
    public void Closing_moves_an_open_meeting_to_closed_and_is_refused_from_any_other_status(MeetingStatus status)
    {
        var meeting = MeetingIn(status);

        if (CloseLeadsTo[status] is { } to)
        {
            meeting.Close([]);
            Assert.Equal(to, meeting.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => meeting.Close([]));
            Assert.Equal(("meeting-closed", ErrorKind.Conflict), (refused.Code, refused.Kind));
            Assert.Equal(status, meeting.Status);
        }
    }

    [Fact]
    public void A_meeting_is_open_when_it_is_recorded()
    {
        Assert.Equal(MeetingStatus.Open, NewMeeting().Status);
    }

    [Fact]
    public void A_closed_meeting_cannot_be_closed_again_and_the_refusal_names_it()
    {
        var meeting = MeetingIn(MeetingStatus.Closed);

        var refused = Assert.Throws<DomainException>(() => meeting.Close([]));

        Assert.Equal("meeting-closed", refused.Code);
        Assert.Contains("2026年第9次党组会议", refused.Message);
    }

    [Fact]
    public void A_meeting_with_an_undecided_case_on_its_agenda_cannot_be_closed_and_stays_open()
    {
        var meeting = MeetingIn(MeetingStatus.Open);

        var refused = Assert.Throws<DomainException>(() => meeting.Close(["容免〔2026〕3号", "容免〔2026〕5号"]));

        Assert.Equal(("agenda-open", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("容免〔2026〕3号、容免〔2026〕5号", refused.Message);
        Assert.Equal(MeetingStatus.Open, meeting.Status);
    }

    [Fact]
    public void A_closed_meeting_refuses_any_change_and_an_open_one_accepts_them()
    {
        MeetingIn(MeetingStatus.Open).EnsureOpen();

        var refused = Assert.Throws<DomainException>(() => MeetingIn(MeetingStatus.Closed).EnsureOpen());

        Assert.Equal(("meeting-closed", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("已结束，不能再修改", refused.Message);
    }

    [Fact]
    public void A_meeting_changes_status_only_through_its_methods()
    {
        Assert.False(typeof(Meeting).GetProperty(nameof(Meeting.Status))!.SetMethod!.IsPublic);
    }
}
