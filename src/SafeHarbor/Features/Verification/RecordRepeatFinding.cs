using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>Art. 7: whether the error repeats one already exempted for the same subject (同一工作、同一问题), naming the earlier case.</summary>
public static class RecordRepeatFinding
{
    /// <param name="Verdict">Met: not a repeat; NotMet: a repeat of <paramref name="EarlierCase"/>; NeedsJudgement: for the party group to weigh.</param>
    /// <param name="EarlierCase">The earlier exempted case's number (e.g. 2025-0003); required for NotMet.</param>
    public sealed record RepeatFindingRequest(Verdict Verdict, string? Note, string? EarlierCase);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, RepeatFindingRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, async (ctx, c, policy) =>
        {
            var note = request.Note?.Trim();
            var number = request.EarlierCase?.Trim();
            if (!string.IsNullOrEmpty(number))
            {
                var persons = c.SubjectPersonIds.ToList();
                var units = c.SubjectUnitIds.ToList();
                var earlier = await ctx.Db.Cases.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number && e.Id != c.Id, ct);
                var exemptedOfSameSubject = earlier is { Decision.Outcome: Outcome.Exempted }
                    && earlier.Subjects.Any(s => (s.PersonId is { } p && persons.Contains(p)) || (s.Kind == SubjectKind.Unit && s.UnitId is { } u && units.Contains(u)));
                new Validation()
                    .Require(earlier is not null, "earlierCase", $"找不到案件 {number}。")
                    .Require(earlier is null || exemptedOfSameSubject, "earlierCase", $"案件 {number} 不是本案问责对象已予容错免责的案件，不能作为重复失误的前案。")
                    .ThrowIfInvalid();
                var named = $"与案件 {earlier!.Number}“{earlier.Title}”";
                note = request.Verdict switch
                {
                    Verdict.Met => $"{named}不属同一工作、同一问题。{note}",
                    Verdict.NotMet => $"{named}属同一工作、同一问题上重复出现失误。{note}",
                    _ => $"{named}是否属同一工作、同一问题，需集体研判。{note}",
                };
            }
            else
            {
                new Validation().Require(request.Verdict != Verdict.NotMet, "earlierCase", "认定属重复失误的，请写明前案的案件编号。").ThrowIfInvalid();
            }
            c.RecordFinding(PolicyVersion.RepeatCode, request.Verdict, note, actor, policy, ctx.Now);
        }, ct);
}
