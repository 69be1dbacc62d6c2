using SafeHarbor.Cases;
using SafeHarbor.Features.Incentives;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// Art. 13: a talk, commendation or support measure entered in error is withdrawn (撤销) once. The withdrawal stays on the
/// record with its day, its author and its reason; a second one is refused and leaves the first as it was.
/// </summary>
public sealed class IncentiveWithdrawalTests
{
    private static readonly DateOnly Monday = new(2026, 9, 21);
    private static readonly Guid Personnel = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    public static TheoryData<string> EveryKind() => new("talk", "commendation", "support");

    private static IIncentiveRecord New(string kind) => kind switch
    {
        "talk" => new HeartTalk
        {
            Id = Guid.NewGuid(), PersonId = Guid.NewGuid(), HeldOn = Monday.AddDays(-3), TalkerPersonId = Guid.NewGuid(),
            TalkerName = "张卫东", Topics = "了解工作和生活情况。", RecordedBy = Personnel, Version = 1,
        },
        "commendation" => new Commendation
        {
            Id = Guid.NewGuid(), Kind = CommendationKind.Regular, PersonId = Guid.NewGuid(), Title = "执法办案能手", Basis = "经考核确定。",
            AwardedBy = "青禾市市场监督管理局", AwardedOn = Monday.AddDays(-10), RecordedBy = Personnel, Version = 1,
        },
        _ => new SupportMeasure
        {
            Id = Guid.NewGuid(), UnitId = Guid.NewGuid(), Kind = "心理关怀", Description = "开展心理疏导。", ProvidedOn = Monday.AddDays(-5),
            RecordedBy = Personnel, Version = 1,
        },
    };

    private static void Withdraw(IIncentiveRecord record, DateOnly on, Guid by, string reason)
    {
        switch (record)
        {
            case HeartTalk t: t.Withdraw(on, by, reason); break;
            case Commendation c: c.Withdraw(on, by, reason); break;
            case SupportMeasure s: s.Withdraw(on, by, reason); break;
        }
    }

    private static string Noun(IIncentiveRecord record) => record switch
    {
        HeartTalk => HeartTalk.Noun,
        Commendation => Commendation.Noun,
        _ => SupportMeasure.Noun,
    };

    [Theory, MemberData(nameof(EveryKind))]
    public void A_record_is_withdrawn_once_with_its_day_author_and_reason_and_its_version_moves_on(string kind)
    {
        var record = New(kind);

        Withdraw(record, Monday, Personnel, "重复登记。");

        Assert.Equal(Monday, record.WithdrawnOn);
        Assert.Equal(Personnel, record.WithdrawnBy);
        Assert.Equal("重复登记。", record.WithdrawalReason);
        Assert.Equal(2, record.Version);
    }

    [Theory, MemberData(nameof(EveryKind))]
    public void A_second_withdrawal_is_refused_and_the_first_stays_as_it_was(string kind)
    {
        var record = New(kind);
        Withdraw(record, Monday, Personnel, "重复登记。");

        var e = Assert.Throws<DomainException>(() => Withdraw(record, Monday.AddDays(1), Other, "再次撤销。"));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Equal("record-withdrawn", e.Code);
        Assert.Equal($"该{Noun(record)}已于 2026-09-21 撤销，不能再修改或撤销。", e.Message);
        Assert.Equal(Monday, record.WithdrawnOn);
        Assert.Equal(Personnel, record.WithdrawnBy);
        Assert.Equal("重复登记。", record.WithdrawalReason);
        Assert.Equal(2, record.Version);
    }
}
