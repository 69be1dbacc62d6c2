using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Assesses a person in an open period: a score for every indicator of the scheme that applies to them (one assessment per person and period).</summary>
public static class CreateAssessment
{
    public sealed record ScoreInput(string? Code, decimal? Score);

    public sealed record Request(Guid? PersonId, IReadOnlyList<ScoreInput>? Scores, string? Comment);

    public static Task<Guid> HandleAsync(Guid periodId, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var period = await Periods.LoadOpenAsync(ctx.Db, periodId, ct);
            new Validation().Require(r.PersonId is not null, "personId", "请选择被考核人员。").ThrowIfInvalid();
            var person = await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == r.PersonId, ct)
                ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
            if (await ctx.Db.Set<PersonAssessment>().AnyAsync(a => a.PeriodId == periodId && a.PersonId == person.Id, ct))
            {
                throw DomainException.Conflict("already-assessed", $"{person.Name}在{period.Name}中已有考核记录，请在原记录上修改。");
            }
            var scheme = await Schemes.ForPersonAsync(ctx.Db, person, ct);
            Assessments.ValidateScores(scheme, r.Scores, r.Comment).ThrowIfInvalid();
            var assessment = new PersonAssessment
            {
                Id = Guid.NewGuid(),
                PeriodId = periodId,
                PersonId = person.Id,
                UnitId = person.UnitId,
                SchemeId = scheme.Id,
                Comment = Assessments.Clean(r.Comment),
                Version = 1,
            };
            Assessments.SetScores(assessment, r.Scores!);
            Assessments.Recompute(assessment);
            ctx.Db.Add(assessment);
            ctx.Audit("CreatePersonAssessment", nameof(PersonAssessment), $"{period.Name} {person.Name}", null, AssessmentAccess.ActingAs,
                new { period = period.Name, person = person.Name, scheme = scheme.Name, scores = Assessments.Scores(assessment, scheme), assessment.Total });
            return assessment.Id;
        }, ct);
}
