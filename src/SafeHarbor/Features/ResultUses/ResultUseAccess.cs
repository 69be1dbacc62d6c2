using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.ResultUses;

/// <summary>Who may read the result records (Art. 11).</summary>
public static class ResultUseAccess
{
    /// <summary>人事科 and the procedure bodies ask; nobody else reads other people's records.</summary>
    public static bool MayQuery(Actor actor) => actor.SeesAllCases || actor.Has(Role.Personnel);

    public static DomainException Refused() => DomainException.Forbidden("not-your-duty", "结果运用记录供人事科和容错免责程序中承担职责的机构查询。");
}
