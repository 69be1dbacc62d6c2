using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>One assessment: the personnel section sees any, the person their own once the period is closed.</summary>
public static class GetAssessment
{
    public static async Task<AssessmentQueries.AssessmentView> HandleAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var view = await AssessmentQueries.GetAsync(db, id, ct);
        if (!AssessmentAccess.IsPersonnel(actor) && !(view.PersonId == actor.PersonId && view.PeriodClosed))
        {
            throw DomainException.Forbidden("not-your-duty", "考核结果仅本人（考核期关闭后）和人事科可以查看。");
        }
        return view;
    }
}
