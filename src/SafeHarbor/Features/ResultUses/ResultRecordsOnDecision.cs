using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>On a determination to exempt or mitigate: one record per subject (unit or person) and per use the policy ties to that outcome.</summary>
public sealed class ResultRecordsOnDecision : ICaseStepHandler
{
    public Task HandleAsync(CommandContext context, Case c, CaseEvent step, CancellationToken ct)
    {
        if (step.Action != CaseAction.Decide || c.Decision is not { Outcome: Outcome.Exempted or Outcome.Mitigated } decision)
        {
            return Task.CompletedTask;
        }
        var policy = context.PolicyOf(c);
        var uses = policy.ResultUses.Where(u => u.AppliesToOutcome(decision.Outcome)).ToList();
        foreach (var subject in c.Subjects)
        {
            foreach (var use in uses)
            {
                context.Db.Add(new ResultRecord
                {
                    Id = Guid.NewGuid(),
                    CaseId = c.Id,
                    CaseNumber = c.Number,
                    MatterTitle = c.Title,
                    SubjectKind = subject.Kind,
                    PersonId = subject.Kind == SubjectKind.Person ? subject.PersonId : null,
                    UnitId = subject.Kind == SubjectKind.Unit ? subject.UnitId : null,
                    SubjectName = subject.Name,
                    UseCode = use.Code,
                    UseArticle = use.Article,
                    UseText = use.Text,
                    Outcome = decision.Outcome,
                    Mitigation = decision.Mitigation,
                    DecidedOn = decision.DecidedOn,
                });
            }
        }
        // Every record by subject and use, so `audit verify` can recompute the case's records from the chain.
        context.Audit("CreateResultRecords", nameof(ResultRecord), c.Number, c.Id, "结果运用",
            new
            {
                outcome = policy.OutcomeName(decision.Outcome),
                outcomeCode = decision.Outcome.ToString(),
                subjects = c.Subjects.Select(s => s.Name),
                uses = uses.Select(u => u.Article),
                records = c.Subjects.SelectMany(s => uses.Select(u => new { subject = s.Name, use = u.Code })),
            });
        return Task.CompletedTask;
    }
}
