using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>The services most pages need, injected as one. <see cref="Policies"/> are those of the user's bureau.</summary>
public sealed record PageServices(
    Actor Actor,
    SafeHarborDb Db,
    CommandRunner Runner,
    PolicyCatalog AllPolicies,
    WorkingDayCalendar Calendar,
    TimeProvider Time)
{
    public PolicyCatalog Policies { get; } = AllPolicies.ForBureau(Actor.BureauLineage);
}
