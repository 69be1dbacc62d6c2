using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>Art. 8 帮助分析原因: the analysis of why the error happened, recorded or replaced until the plan is closed.</summary>
public static class RecordCauseAnalysis
{
    public sealed record Request(string? Text);

    public static Task<bool> HandleAsync(Guid caseId, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "记录原因分析");
            await CorrectionAccess.EnsureNotClosedAsync(ctx.Db, c.Id, ct);
            new Validation().RequireText(r.Text, "text", "原因分析", 5000).ThrowIfInvalid();

            var analysis = await ctx.Db.Set<CauseAnalysis>().SingleOrDefaultAsync(a => a.CaseId == c.Id, ct);
            var replaced = analysis is not null;
            if (analysis is null)
            {
                analysis = new CauseAnalysis { CaseId = c.Id, Text = "" };
                ctx.Db.Add(analysis);
            }
            analysis.Text = r.Text!.Trim();
            analysis.RecordedBy = actor.UserId;
            analysis.RecordedOn = ctx.Today;
            ctx.Audit(replaced ? "ReviseCauseAnalysis" : "RecordCauseAnalysis", nameof(CauseAnalysis), c.Id.ToString(), c.Id, actingAs, new
            {
                step = replaced ? "修改原因分析（第八条）" : "原因分析（第八条）", analysis.Text,
            });
            return replaced;
        }, ct);
}
