using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>Art. 8 个别谈话: the party group talks with the exempted unit or person and points out the error.</summary>
public static class RecordTalk
{
    /// <summary>
    /// The interviewee is a subject of the case: a person (<paramref name="IntervieweePersonId"/>) or a unit
    /// (<paramref name="IntervieweeUnitId"/>, talked to through its head). The talker defaults to the recorder.
    /// </summary>
    public sealed record Request(DateOnly? HeldOn, Guid? TalkerPersonId, Guid? IntervieweePersonId, Guid? IntervieweeUnitId, string? Place, string? Points);

    public static Task<Guid> HandleAsync(Guid caseId, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "记录个别谈话");
            await CorrectionAccess.EnsureNotClosedAsync(ctx.Db, c.Id, ct);

            var talkerId = r.TalkerPersonId ?? actor.PersonId;
            var talker = talkerId is { } tid ? await ctx.Db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == tid, ct) : null;
            var subject = c.Subjects.FirstOrDefault(s =>
                (r.IntervieweePersonId is { } p && s.Kind == SubjectKind.Person && s.PersonId == p)
                || (r.IntervieweeUnitId is { } u && s.Kind == SubjectKind.Unit && s.UnitId == u));
            var v = new Validation()
                .Require(r.HeldOn is not null, "heldOn", "请填写谈话日期。")
                .RequireDateBetween(r.HeldOn, c.Decision!.DecidedOn, "认定日期", ctx.Today, "heldOn", "谈话日期")
                .Require(talker is not null, "talkerPersonId", talkerId is null ? "请选择谈话人。" : "谈话人不存在。")
                .Require((r.IntervieweePersonId is null) != (r.IntervieweeUnitId is null), "interviewee", "请选择一个谈话对象（本案的问责单位或个人）。")
                .RequireText(r.Place, "place", "谈话地点", 100)
                .RequireText(r.Points, "points", "谈话要点（指出的错误和问题）", 5000);
            if ((r.IntervieweePersonId is null) != (r.IntervieweeUnitId is null))
            {
                v.Require(subject is not null, "interviewee", "谈话对象应为本案的问责单位或个人。");
            }
            if (talker is not null)
            {
                // Art. 6 spirit: nobody held accountable in the matter talks to the others about it.
                var talkerIsSubject = c.SubjectPersonIds.Contains(talker.Id) || (talker.IsLeader && c.SubjectUnitIds.Contains(talker.UnitId));
                v.Require(!talkerIsSubject, "talkerPersonId", $"{talker.Name}是本事项的问责对象，依照第六条应当回避，不能担任谈话人。");
            }
            v.ThrowIfInvalid();

            var talk = new CorrectionTalk
            {
                Id = Guid.NewGuid(),
                CaseId = c.Id,
                HeldOn = r.HeldOn!.Value,
                TalkerPersonId = talker!.Id,
                TalkerName = talker.Name,
                Interviewee = subject!.Name,
                IntervieweePersonId = subject.PersonId,
                Place = r.Place!.Trim(),
                Points = r.Points!.Trim(),
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(talk);
            ctx.Audit("RecordCorrectionTalk", nameof(CorrectionTalk), talk.Id.ToString(), c.Id, actingAs, new
            {
                step = "个别谈话（第八条）", talk.HeldOn, talker = talk.TalkerName, interviewee = talk.Interviewee, talk.Place, talk.Points,
            });
            return talk.Id;
        }, ct);
}
