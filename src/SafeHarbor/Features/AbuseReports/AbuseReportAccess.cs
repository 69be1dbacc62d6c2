using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>局机关纪委 investigates the reports; 驻局纪检监察组 supervises and may record them too.</summary>
public static class AbuseReportAccess
{
    public static bool MayView(Actor actor) => actor.Has(Role.Investigator) || actor.Has(Role.GuidanceGroup);

    public static bool MayConclude(Actor actor) => actor.Has(Role.Investigator);

    public static DomainException NotAllowed() =>
        DomainException.Forbidden("not-your-duty", "滥用柔性执法的举报由局机关纪委核查，驻局纪检监察组监督，其他人员不能查看或登记。");

    internal static string ActingAs(Actor actor) =>
        actor.Has(Role.Investigator) ? Role.Investigator.Chinese() : Role.GuidanceGroup.Chinese();
}
