using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>The services most pages need, injected as one.</summary>
public sealed record PageServices(
    Actor Actor,
    SafeHarborDb Db,
    CommandRunner Runner,
    PolicyCatalog Policies,
    WorkingDayCalendar Calendar,
    TimeProvider Time);
