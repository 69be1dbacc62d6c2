using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>
/// Art. 5(3): the party group studies each case collectively at a meeting. Attendance, recusals,
/// one vote per member per matter, quorum and majority are recorded and checked here.
/// </summary>
[Article("3", "5(3)", "6")]
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapDetermination(this IEndpointRouteBuilder app)
    {
        // Meetings are for the holders of a duty in the procedure, whichever roles the policy gives them.
        var group = app.MapGroup("/api/meetings").WithTags("党组会议认定").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<Actor>().SeesAllCases
                    ? await next(context)
                    : throw DomainException.Forbidden("not-your-duty", "只有在容错免责程序中承担职责的机构人员可以查看党组会议。"));
        group.MapGet("/", (SafeHarborDb db, CancellationToken ct) => ListMeetings.HandleAsync(db, ct)).WithSummary("会议列表");
        group.MapGet("/{id:guid}", async (Guid id, SafeHarborDb db, PolicyCatalog policies, TimeProvider time, CancellationToken ct) =>
            await GetMeeting.HandleAsync(db, policies, id, ct)).WithSummary("会议详情：出席、法定人数、议题、回避、表决");
        group.MapPost("/", async (OpenMeeting.OpenRequest r, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
        {
            var id = await OpenMeeting.HandleAsync(r, actor, runner, ct);
            return Results.Created($"/api/meetings/{id}", await GetMeeting.HandleAsync(db, policies, id, ct));
        }).WithSummary("召开党组会议（默认全体党组成员为应到会成员）");
        group.MapPut("/{id:guid}/attendance", (Guid id, RecordAttendance.AttendanceRequest r, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
            MeetingCommand(id, db, policies, ct, RecordAttendance.HandleAsync(id, r, actor, runner, ct))).WithSummary("登记出席和缺席");
        group.MapPost("/{id:guid}/close", (Guid id, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
            MeetingCommand(id, db, policies, ct, CloseMeeting.HandleAsync(id, actor, runner, ct))).WithSummary("结束会议");

        var agenda = group.MapGroup("/{id:guid}/agenda");
        agenda.MapPost("/", async (Guid id, ScheduleCase.ScheduleRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await ScheduleCase.HandleAsync(id, r.CaseId, HttpVersioning.ExpectedVersion(http.Request), actor, runner, ct), http))
            .WithSummary("将待认定案件列入会议议题");
        agenda.MapPost("/{caseId:guid}/recusals", async (Guid id, Guid caseId, RecordRecusal.RecusalRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordRecusal.HandleAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记成员回避");
        agenda.MapPost("/{caseId:guid}/votes", async (Guid id, Guid caseId, CastVote.VoteRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await CastVote.HandleAsync(id, caseId, r, actor, runner, ct), http))
            .WithSummary("党组成员本人表决（每人每事项一票；形成认定意见前可说明理由更正）")
            .WithDescription("成员同时表决，彼此不以案件版本相互阻挡，因此不校验 If-Match。已表决的成员再次表决即为更正，须填写 correctionReason（409 already-voted），原表决和理由记入审计。");
        agenda.MapPut("/{caseId:guid}/votes", async (Guid id, Guid caseId, RecordShowOfHands.ShowOfHandsRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordShowOfHands.HandleAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记举手表决结果（会议记录人逐一登记出席成员的表决意见）");
        agenda.MapPost("/{caseId:guid}/decision", async (Guid id, Guid caseId, DecideCase.DecisionRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await DecideCase.HandleAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("形成认定意见（须达到法定人数且超过应到会成员半数同意）")
            .WithDescription("经核实存在排除情形时不能认定予以容错免责（409 exclusion-binds）；认定结果与调查报告建议或系统核实建议不一致时须填写 departureReason。");
        agenda.MapPost("/{caseId:guid}/postponement", async (Guid id, Guid caseId, PostponeCase.PostponeRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await PostponeCase.HandleAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("暂缓研究，移出议题");
        return app;
    }

    private static async Task<IResult> MeetingCommand(Guid id, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct, Task command)
    {
        await command;
        return Results.Ok(await GetMeeting.HandleAsync(db, policies, id, ct));
    }
}
