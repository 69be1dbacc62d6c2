using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>Art. 8 发函提醒: a reminder letter sent to the exempted unit or person, with its document number when the system issued it.</summary>
public static class RecordReminderLetter
{
    public sealed record Request(DateOnly? SentOn, string? Addressee, string? Points);

    public static Task<Guid> HandleAsync(Guid caseId, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "登记发函提醒");
            await CorrectionAccess.EnsureNotClosedAsync(ctx.Db, c.Id, ct);
            new Validation()
                .Require(r.SentOn is not null, "sentOn", "请填写发函日期。")
                .RequireDateBetween(r.SentOn, c.Decision!.DecidedOn, "认定日期", ctx.Today, "sentOn", "发函日期")
                .RequireText(r.Addressee, "addressee", "收函单位或个人", 100)
                .RequireText(r.Points, "points", "提醒要点（指出的错误和问题）", 5000)
                .ThrowIfInvalid();

            var number = await UnlinkedNumberAsync(ctx.Db, c.Id, ct);
            var letter = new ReminderLetterSent
            {
                Id = Guid.NewGuid(),
                CaseId = c.Id,
                SentOn = r.SentOn!.Value,
                Addressee = r.Addressee!.Trim(),
                Points = r.Points!.Trim(),
                DocumentNumber = number,
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(letter);
            ctx.Audit("RecordReminderLetter", nameof(ReminderLetterSent), letter.Id.ToString(), c.Id, actingAs, new
            {
                step = "发函提醒（第八条）", letter.SentOn, letter.Addressee, letter.DocumentNumber, letter.Points,
            });
            return letter.Id;
        }, ct);

    /// <summary>The number the system issued to this case's reminder letter, unless an earlier letter record already carries it.</summary>
    public static async Task<string?> UnlinkedNumberAsync(SafeHarborDb db, Guid caseId, CancellationToken ct)
    {
        var issued = await db.Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.CaseId == caseId && d.Kind == DocumentKind.ReminderLetter)
            .OrderBy(d => d.Year).ThenBy(d => d.Sequence)
            .Select(d => d.Number).ToListAsync(ct);
        var linked = await db.Set<ReminderLetterSent>().AsNoTracking()
            .Where(l => l.CaseId == caseId && l.DocumentNumber != null)
            .Select(l => l.DocumentNumber!).ToListAsync(ct);
        return issued.FirstOrDefault(n => !linked.Contains(n));
    }
}
