using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>Art. 12 is the personnel section's work: it keeps the schemes, opens the periods, scores and grades.</summary>
public static class AssessmentAccess
{
    public static string ActingAs => Role.Personnel.Chinese();

    public static bool IsPersonnel(Actor actor) => actor.Has(Role.Personnel);

    public static void RequirePersonnel(Actor actor)
    {
        if (!IsPersonnel(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "考核方案、考核期、评分、扣分和等次评定由人事科办理。");
        }
    }

    /// <summary>Personnel reads everyone's results; anyone else reads only their own.</summary>
    public static void RequireMayRead(Actor actor, Guid personId)
    {
        if (!IsPersonnel(actor) && actor.PersonId != personId)
        {
            throw DomainException.Forbidden("not-your-duty", "考核结果仅本人和人事科可以查看。");
        }
    }

    /// <summary>The result uses of every policy version (党风廉政建设责任制考核, 年度综合目标考核 …), one per code.</summary>
    public static IReadOnlyList<PolicyItem> ResultUses(PolicyCatalog policies) =>
        policies.All.SelectMany(p => p.ResultUses).DistinctBy(u => u.Code).ToList();

    /// <summary>Art. 11(1), (2), (4): no deduction in the integrity and the target assessment, no negative evaluation in the annual appraisal.</summary>
    public static readonly IReadOnlyList<string> DefaultProtectedByUses = ["integrity-assessment", "annual-target-assessment", "annual-appraisal"];
}
