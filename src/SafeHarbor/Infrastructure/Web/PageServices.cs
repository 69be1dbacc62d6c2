using SafeHarbor.Calendar;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>The services most pages need, injected as one.</summary>
public sealed record PageServices(
    CurrentActor Current,
    SafeHarborDb Db,
    CommandRunner Runner,
    PolicyCatalog Policies,
    WorkingDayCalendar Calendar,
    TimeProvider Time);
