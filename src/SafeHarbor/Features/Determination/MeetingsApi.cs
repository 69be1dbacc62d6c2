using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>
/// Art. 5(3): the party group studies each case collectively at a meeting. Attendance, recusals,
/// one vote per member per matter, quorum and majority are recorded and checked here.
/// </summary>
[Article("3", "5(3)", "6")]
public static class MeetingsApi
{
    public sealed record OpenRequest(string? Title, DateOnly? HeldOn, string? Place, IReadOnlyList<Guid>? MemberPersonIds);

    public sealed record AttendanceEntry(Guid PersonId, bool Present, string? AbsenceReason);

    public sealed record AttendanceRequest(IReadOnlyList<AttendanceEntry>? Members);

    public sealed record ScheduleRequest(Guid CaseId);

    public sealed record RecusalRequest(Guid PersonId, string? Reason);

    /// <param name="CorrectionReason">Needed to correct a vote already cast (until the decision is recorded); audited with the vote it replaces.</param>
    public sealed record VoteRequest(VoteChoice Choice, string? CorrectionReason = null);

    public sealed record ShowOfHandsEntry(Guid PersonId, VoteChoice Choice);

    /// <summary>A 举手表决 as the secretary saw it: one entry per member present who raised a hand.</summary>
    public sealed record ShowOfHandsRequest(IReadOnlyList<ShowOfHandsEntry>? Votes);

    public sealed record DecisionRequest(Outcome Outcome, string? Reasons, string? Mitigation, string? DepartureReason = null);

    public sealed record PostponeRequest(string? Reason);

    public sealed record MemberView(Guid PersonId, string Name, bool Present, string? AbsenceReason);

    public sealed record VoteView(Guid PersonId, string Name, VoteChoice Choice, string ChoiceName);

    /// <param name="ReportRecommendation">调查报告的建议.</param>
    /// <param name="Advice">The system's advice on the verified findings.</param>
    /// <param name="BindingExclusions">Verified exclusions that rule out 予以容错免责 (Art. 4, Art. 10).</param>
    /// <param name="NoDecisionForms">Every member who may vote has voted and no outcome has the votes it needs: the page offers 暂缓研究 and the next meeting.</param>
    public sealed record AgendaView(
        Guid CaseId, string CaseNumber, string Title, CaseStatus Status, string StatusName, int Version,
        IReadOnlyList<MemberView> Recused, IReadOnlyList<VoteView> Votes, IReadOnlyDictionary<string, int> Tally,
        string? Outcome, string? Reasons, string? DepartureReason,
        string? ReportRecommendation, string Advice, IReadOnlyList<string> BindingExclusions, bool NoDecisionForms);

    public sealed record MeetingView(
        Guid Id, string Title, DateOnly HeldOn, string Place, MeetingStatus Status, bool AttendanceRecorded,
        IReadOnlyList<MemberView> Members, QuorumCheck Quorum, IReadOnlyList<AgendaView> Agenda);

    public sealed record MeetingSummary(Guid Id, string Title, DateOnly HeldOn, MeetingStatus Status, int Cases);

    public static IEndpointRouteBuilder MapDetermination(this IEndpointRouteBuilder app)
    {
        // Meetings are for the holders of a duty in the procedure, whichever roles the policy gives them.
        var group = app.MapGroup("/api/meetings").WithTags("党组会议认定").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<Actor>().SeesAllCases
                    ? await next(context)
                    : throw DomainException.Forbidden("not-your-duty", "只有在容错免责程序中承担职责的机构人员可以查看党组会议。"));
        group.MapGet("/", ListAsync).WithSummary("会议列表");
        group.MapGet("/{id:guid}", async (Guid id, SafeHarborDb db, PolicyCatalog policies, TimeProvider time, CancellationToken ct) =>
            await ViewAsync(db, policies, id, ct)).WithSummary("会议详情：出席、法定人数、议题、回避、表决");
        group.MapPost("/", async (OpenRequest r, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
        {
            var id = await OpenAsync(r, actor, runner, ct);
            return Results.Created($"/api/meetings/{id}", await ViewAsync(db, policies, id, ct));
        }).WithSummary("召开党组会议（默认全体党组成员为应到会成员）");
        group.MapPut("/{id:guid}/attendance", (Guid id, AttendanceRequest r, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
            MeetingCommand(id, db, policies, ct, RecordAttendanceAsync(id, r, actor, runner, ct))).WithSummary("登记出席和缺席");
        group.MapPost("/{id:guid}/close", (Guid id, Actor actor, CommandRunner runner, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
            MeetingCommand(id, db, policies, ct, CloseAsync(id, actor, runner, ct))).WithSummary("结束会议");

        var agenda = group.MapGroup("/{id:guid}/agenda");
        agenda.MapPost("/", async (Guid id, ScheduleRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await ScheduleAsync(id, r.CaseId, HttpVersioning.ExpectedVersion(http.Request), actor, runner, ct), http))
            .WithSummary("将待认定案件列入会议议题");
        agenda.MapPost("/{caseId:guid}/recusals", async (Guid id, Guid caseId, RecusalRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordRecusalAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记成员回避");
        agenda.MapPost("/{caseId:guid}/votes", async (Guid id, Guid caseId, VoteRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await VoteAsync(id, caseId, r, actor, runner, ct), http))
            .WithSummary("党组成员本人表决（每人每事项一票；形成认定意见前可说明理由更正）")
            .WithDescription("成员同时表决，彼此不以案件版本相互阻挡，因此不校验 If-Match。已表决的成员再次表决即为更正，须填写 correctionReason（409 already-voted），原表决和理由记入审计。");
        agenda.MapPut("/{caseId:guid}/votes", async (Guid id, Guid caseId, ShowOfHandsRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordShowOfHandsAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记举手表决结果（会议记录人逐一登记出席成员的表决意见）");
        agenda.MapPost("/{caseId:guid}/decision", async (Guid id, Guid caseId, DecisionRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await DecideAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("形成认定意见（须达到法定人数且超过应到会成员半数同意）")
            .WithDescription("经核实存在排除情形时不能认定予以容错免责（409 exclusion-binds）；认定结果与调查报告建议或系统核实建议不一致时须填写 departureReason。");
        agenda.MapPost("/{caseId:guid}/postponement", async (Guid id, Guid caseId, PostponeRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await PostponeAsync(id, caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("暂缓研究，移出议题");
        return app;
    }

    private static async Task<IResult> MeetingCommand(Guid id, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct, Task command)
    {
        await command;
        return Results.Ok(await ViewAsync(db, policies, id, ct));
    }

    private static async Task<IReadOnlyList<MeetingSummary>> ListAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Set<Meeting>().AsNoTracking().ToListAsync(ct))
            .OrderByDescending(m => m.HeldOn)
            .Select(m => new MeetingSummary(m.Id, m.Title, m.HeldOn, m.Status, m.Agenda.Count))
            .ToList();

    public static Task<Guid> OpenAsync(OpenRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            RequireSecretariat(actor, policy);
            var v = new Validation()
                .RequireText(r.Title, "title", "会议名称", 200)
                .Require(r.HeldOn is not null, "heldOn", "请填写会议日期。")
                .RequireText(r.Place, "place", "会议地点", 100);
            var voterRoles = policy.RolesFor(Duty.Vote).Select(x => x.ToString()).ToList();
            var explicitMembers = r.MemberPersonIds is { Count: > 0 };
            var memberIds = explicitMembers
                ? r.MemberPersonIds!.Distinct().ToList()
                : await (from u in ctx.Db.Users
                         join ur in ctx.Db.UserRoles on u.Id equals ur.UserId
                         join role in ctx.Db.Roles on ur.RoleId equals role.Id
                         where voterRoles.Contains(role.Name!) && u.PersonId != null
                         select u.PersonId!.Value).Distinct().ToListAsync(ct);
            var persons = await ctx.Db.Persons.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToListAsync(ct);
            v.Require(memberIds.Count > 0, "memberPersonIds", $"没有{policy.Decision.Body}成员，无法召开会议。");
            v.Require(persons.Count == memberIds.Count, "memberPersonIds", "应到会成员中有不存在的人员。");
            v.ThrowIfInvalid();
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                Title = r.Title!.Trim(),
                HeldOn = r.HeldOn!.Value,
                Place = r.Place!.Trim(),
                CreatedBy = actor.UserId,
                // The order given, or by post (党组书记 before 党组成员) when all members are taken by default.
                Members = (explicitMembers ? persons.OrderBy(p => memberIds.IndexOf(p.Id)) : persons.OrderBy(p => p.Post, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
                    .Select((p, i) => new MeetingMember { PersonId = p.Id, Name = p.Name, Order = i + 1 }).ToList(),
            };
            ctx.Db.Add(meeting);
            ctx.Audit("OpenMeeting", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat),
                new { meeting.Title, meeting.HeldOn, members = meeting.Members.Select(m => m.Name).ToArray() });
            return meeting.Id;
        }, ct);

    public static Task<bool> RecordAttendanceAsync(Guid meetingId, AttendanceRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            RequireSecretariat(actor, policy);
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            StepDates.EnsureMeetingHeld(meeting.HeldOn, ctx.Today, "登记出席情况");
            var entries = r.Members ?? [];
            var v = new Validation()
                .Require(meeting.Votes.Count == 0, "members", "会议已开始表决，不能再修改出席情况。")
                .Require(entries.Select(e => e.PersonId).Distinct().Count() == entries.Count, "members", "出席名单有重复人员。")
                .Require(meeting.Members.All(m => entries.Any(e => e.PersonId == m.PersonId)), "members", "请为每一名应到会成员登记出席或缺席。")
                .Require(entries.All(e => meeting.Members.Any(m => m.PersonId == e.PersonId)), "members", "出席名单中有非应到会成员。");
            foreach (var (e, i) in entries.Select((e, i) => (e, i)))
            {
                v.Require(e.Present || !string.IsNullOrWhiteSpace(e.AbsenceReason), $"members[{i}].absenceReason", "请填写缺席原因。");
            }
            v.ThrowIfInvalid();
            foreach (var m in meeting.Members)
            {
                var e = entries.Single(x => x.PersonId == m.PersonId);
                m.Present = e.Present;
                m.AbsenceReason = e.Present ? null : e.AbsenceReason!.Trim();
            }
            meeting.AttendanceRecorded = true;
            var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
            ctx.Audit("RecordAttendance", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat), new
            {
                present = meeting.Members.Where(m => m.Present).Select(m => m.Name).ToArray(),
                absent = meeting.Members.Where(m => !m.Present).Select(m => $"{m.Name}（{m.AbsenceReason}）").ToArray(),
                quorum = quorum.Message,
            });
            return true;
        }, ct);

    public static Task<CaseSnapshot> ScheduleAsync(Guid meetingId, Guid caseId, int? version, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Schedule, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            c.Schedule(meeting.Id, meeting.Title, meeting.HeldOn, actor, policy, ctx.Now);
            meeting.Agenda.Add(new AgendaItem { CaseId = c.Id, Order = meeting.Agenda.Select(a => a.Order).DefaultIfEmpty().Max() + 1 });
            // Art. 6: a member who is a subject of the matter or its applicant stands aside from it; so does a member who
            // stood aside from it at an earlier meeting (the case was postponed and comes back): a recusal follows the case.
            var earlier = await ctx.Db.Set<Meeting>().AsNoTracking()
                .Where(m => m.Id != meeting.Id && m.Recusals.Any(x => x.CaseId == c.Id)).ToListAsync(ct);
            foreach (var m in meeting.Members)
            {
                if (meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == m.PersonId))
                {
                    continue;
                }
                if (c.SubjectPersonIds.Contains(m.PersonId) || c.Application?.ApplicantPersonId == m.PersonId)
                {
                    meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = m.PersonId, Reason = "系本事项问责对象或申请人，依照第六条回避" });
                }
                else if (earlier.SelectMany(e => e.Recusals.Where(x => x.CaseId == c.Id && x.PersonId == m.PersonId).Select(x => (e.Title, x.Reason))).FirstOrDefault() is { Reason: not null } carried)
                {
                    meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = m.PersonId, Reason = $"{carried.Reason}（{carried.Title}登记，继续回避）" });
                    c.Record(CaseAction.RecordRecusal, actor, policy, ctx.Now, new Dictionary<string, object?>
                    {
                        ["member"] = m.Name, ["reason"] = carried.Reason, ["carriedFrom"] = carried.Title,
                    });
                }
            }
        }, ct);

    public static Task<CaseSnapshot> RecordRecusalAsync(Guid meetingId, Guid caseId, int? version, RecusalRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordRecusal, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            RequireOnAgenda(meeting, c);
            var member = meeting.Members.FirstOrDefault(m => m.PersonId == r.PersonId);
            new Validation()
                .Require(member is not null, "personId", "回避人员不是本次会议的应到会成员。")
                .RequireText(r.Reason, "reason", "回避理由", 500)
                .Require(!meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == r.PersonId), "personId", "该成员已登记回避。")
                .Require(!meeting.Votes.Any(x => x.CaseId == c.Id && x.PersonId == r.PersonId), "personId", "该成员已对本事项表决，不能再登记回避。")
                .ThrowIfInvalid();
            c.Record(CaseAction.RecordRecusal, actor, policy, ctx.Now, new Dictionary<string, object?> { ["member"] = member!.Name, ["reason"] = r.Reason!.Trim() });
            meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = r.PersonId, Reason = r.Reason.Trim() });
        }, ct);

    public static Task<CaseSnapshot> VoteAsync(Guid meetingId, Guid caseId, VoteRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, null, CaseAction.Vote, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            RequireOnAgenda(meeting, c);
            var member = meeting.Members.FirstOrDefault(m => m.PersonId == actor.PersonId)
                ?? throw DomainException.Forbidden("not-a-member", "您不是本次会议的应到会成员，不能表决。");
            EnsureVoting(meeting, policy, ctx.Today, "表决");
            if (!member.Present)
            {
                throw DomainException.Forbidden("not-present", "您未出席本次会议，不能表决。");
            }
            if (meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == member.PersonId))
            {
                throw DomainException.Forbidden("recused", "您已对本事项回避，不能表决（第六条）。");
            }
            EnsureChoice(policy, r.Choice);
            var existing = meeting.Votes.FirstOrDefault(x => x.CaseId == c.Id && x.PersonId == member.PersonId);
            if (existing is not null && policy.Decision.OneVotePerMatter && string.IsNullOrWhiteSpace(r.CorrectionReason))
            {
                throw DomainException.Conflict("already-voted",
                    $"您已对本事项表决（{existing.Choice.Chinese()}），每名成员对每个事项只有一票。如需更正，请说明更正理由，原表决和理由记入审计。");
            }
            new Validation().MaxLength(r.CorrectionReason, "correctionReason", "更正理由", 500).ThrowIfInvalid();
            CastVote(meeting, c, member, r.Choice, "本人表决", r.CorrectionReason?.Trim(), actor, CaseAction.Vote, policy, ctx.Now);
        }, ct);

    /// <summary>
    /// 举手表决: the secretary records, member by member, how each member present raised their hand. Members
    /// not listed keep what they had; a member listed again is corrected (the earlier vote kept in the audit).
    /// </summary>
    public static Task<CaseSnapshot> RecordShowOfHandsAsync(Guid meetingId, Guid caseId, int? version, ShowOfHandsRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordShowOfHands, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            RequireOnAgenda(meeting, c);
            EnsureVoting(meeting, policy, ctx.Today, "登记举手表决结果");
            var entries = r.Votes ?? [];
            var v = new Validation()
                .Require(entries.Count > 0, "votes", "请至少登记一名成员的表决意见。")
                .Require(entries.Select(e => e.PersonId).Distinct().Count() == entries.Count, "votes", "同一成员登记了两次。");
            foreach (var (e, i) in entries.Select((e, i) => (e, i)))
            {
                var member = meeting.Members.FirstOrDefault(m => m.PersonId == e.PersonId);
                v.Require(member is not null, $"votes[{i}].personId", "该人员不是本次会议的应到会成员。")
                    .Require(member is null || member.Present, $"votes[{i}].personId", $"{member?.Name}未出席本次会议，不能登记其表决。")
                    .Require(!meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == e.PersonId), $"votes[{i}].personId", $"{member?.Name}已对本事项回避，不能登记其表决（第六条）。")
                    .Require(IsAllowedChoice(policy, e.Choice), $"votes[{i}].choice", InvalidChoice);
            }
            v.ThrowIfInvalid();
            foreach (var e in entries)
            {
                if (meeting.Votes.Any(x => x.CaseId == c.Id && x.PersonId == e.PersonId && x.Choice == e.Choice))
                {
                    continue;
                }
                CastVote(meeting, c, meeting.Members.Single(m => m.PersonId == e.PersonId), e.Choice, "举手表决", "举手表决时更正",
                    actor, CaseAction.RecordShowOfHands, policy, ctx.Now);
            }
        }, ct);

    /// <summary>Records a member's vote, replacing an earlier one; the audit keeps the vote replaced and why (<paramref name="correction"/>, only when one is replaced).</summary>
    private static void CastVote(Meeting meeting, Case c, MeetingMember member, VoteChoice choice, string method, string? correction,
        Actor actor, CaseAction action, PolicyVersion policy, DateTimeOffset now)
    {
        var existing = meeting.Votes.FirstOrDefault(x => x.CaseId == c.Id && x.PersonId == member.PersonId);
        if (existing is not null)
        {
            meeting.Votes.Remove(existing);
        }
        meeting.Votes.Add(new Vote { CaseId = c.Id, PersonId = member.PersonId, Choice = choice, CastAt = now });
        c.Record(action, actor, policy, now, new Dictionary<string, object?>
        {
            ["member"] = member.Name, ["choice"] = choice.Chinese(), ["method"] = method,
            ["previous"] = existing?.Choice.Chinese(), ["correctionReason"] = existing is null ? null : correction,
        });
    }

    /// <summary>Votes are taken on or after the meeting's date, once attendance is recorded and the quorum reached.</summary>
    private static void EnsureVoting(Meeting meeting, PolicyVersion policy, DateOnly today, string what)
    {
        StepDates.EnsureMeetingHeld(meeting.HeldOn, today, what);
        if (!meeting.AttendanceRecorded)
        {
            throw DomainException.Conflict("attendance-not-recorded", "请先登记出席情况，再进行表决。");
        }
        var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
        if (!quorum.Reached)
        {
            throw DomainException.Conflict("no-quorum", quorum.Message);
        }
    }

    private const string InvalidChoice = "表决选项不在本办法规定的认定结果之内。";

    private static bool IsAllowedChoice(PolicyVersion policy, VoteChoice choice) =>
        Enum.IsDefined(choice) && (choice == VoteChoice.Abstain || policy.AllowsOutcome(ToOutcome(choice)));

    private static void EnsureChoice(PolicyVersion policy, VoteChoice choice)
    {
        if (!IsAllowedChoice(policy, choice))
        {
            throw DomainException.Invalid("invalid-choice", InvalidChoice);
        }
    }

    public static Task<CaseSnapshot> DecideAsync(Guid meetingId, Guid caseId, int? version, DecisionRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Decide, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            RequireOnAgenda(meeting, c);
            StepDates.EnsureMeetingHeld(meeting.HeldOn, ctx.Today, "形成认定意见");
            var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
            if (!meeting.AttendanceRecorded || !quorum.Reached)
            {
                throw DomainException.Conflict("no-quorum", meeting.AttendanceRecorded ? quorum.Message : "尚未登记出席情况，不能形成决定。");
            }
            if (!Enum.IsDefined(r.Outcome) || !policy.AllowsOutcome(r.Outcome))
            {
                throw DomainException.Invalid("invalid-outcome", "认定结果不在本办法规定的结果之内。");
            }
            var votesFor = meeting.Votes.Count(x => x.CaseId == c.Id && x.Choice == r.Outcome.ToVote());
            var passing = DecisionTally.Passing(policy.Decision, r.Outcome, policy.OutcomeName(r.Outcome), votesFor, meeting.Entitled, meeting.Present);
            if (!passing.Passed)
            {
                throw DomainException.Conflict("no-majority", passing.Message);
            }
            var advice = await CaseAdvice.ForAsync(ctx.Db, c, policy, AdviceStage.Verified, ct);
            c.Decide(new DecisionInput(r.Outcome, r.Reasons, r.Mitigation, r.DepartureReason), advice, actor, policy, ctx.Now, meeting.HeldOn, meeting.Title);
        }, ct);

    public static Task<CaseSnapshot> PostponeAsync(Guid meetingId, Guid caseId, int? version, PostponeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Postpone, async (ctx, c, policy) =>
        {
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            RequireOnAgenda(meeting, c);
            c.Postpone(r.Reason, actor, policy, ctx.Now);
            // Off the agenda: if it comes back, it is voted afresh; the recusals stay on record and follow the case.
            meeting.Votes.RemoveAll(x => x.CaseId == c.Id);
            meeting.Agenda.RemoveAll(x => x.CaseId == c.Id);
        }, ct);

    public static Task<bool> CloseAsync(Guid meetingId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            RequireSecretariat(actor, policy);
            var meeting = await LoadOpenMeetingAsync(ctx, meetingId, ct);
            var caseIds = meeting.Agenda.Select(a => a.CaseId).ToList();
            var pending = await ctx.Db.Cases.AsNoTracking()
                .Where(c => caseIds.Contains(c.Id) && c.Status == CaseStatus.Scheduled && c.MeetingId == meeting.Id)
                .Select(c => c.Number).ToListAsync(ct);
            meeting.Close(pending);
            ctx.Audit("CloseMeeting", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat), new { meeting.Title });
            return true;
        }, ct);

    public static async Task<MeetingView> ViewAsync(SafeHarborDb db, PolicyCatalog policies, Guid id, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw DomainException.NotFound("meeting-not-found", "找不到该会议。");
        var caseIds = meeting.Agenda.Select(a => a.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var policy = cases.Values.Select(c => policies.Get(c.PolicyId)).FirstOrDefault() ?? policies.InForceOn(meeting.HeldOn);
        var names = meeting.Members.ToDictionary(m => m.PersonId, m => m.Name);
        var agenda = new List<AgendaView>();
        foreach (var c in meeting.Agenda.OrderBy(a => a.Order).Where(a => cases.ContainsKey(a.CaseId)).Select(a => cases[a.CaseId]))
        {
            var casePolicy = policies.Get(c.PolicyId);
            var votes = meeting.Votes.Where(x => x.CaseId == c.Id).OrderBy(x => x.CastAt)
                .Select(x => new VoteView(x.PersonId, names.GetValueOrDefault(x.PersonId, ""), x.Choice, x.Choice.Chinese())).ToList();
            var tally = Enum.GetValues<VoteChoice>().ToDictionary(ch => ch.ToString(), ch => votes.Count(x => x.Choice == ch));
            var recused = meeting.Recusals.Where(x => x.CaseId == c.Id)
                .Select(x => new MemberView(x.PersonId, names.GetValueOrDefault(x.PersonId, ""), false, x.Reason)).ToList();
            var decided = c.Decision is { } d && d.MeetingId == meeting.Id ? c.Decision : null;
            var advice = await CaseAdvice.ForAsync(db, c, casePolicy, AdviceStage.Verified, ct);
            var mayVote = meeting.Members.Count(m => m.Present && recused.All(r => r.PersonId != m.PersonId));
            var noDecision = c.Status == CaseStatus.Scheduled && meeting.AttendanceRecorded && votes.Count >= mayVote
                && casePolicy.Outcomes.All(o => !DecisionTally.Passing(casePolicy.Decision, o.Code, o.Name,
                    votes.Count(x => x.Choice == o.Code.ToVote()), meeting.Entitled, meeting.Present).Passed);
            agenda.Add(new AgendaView(c.Id, c.Number, c.Title, c.Status, c.Status.Chinese(), c.Version, recused, votes, tally,
                decided is null ? null : casePolicy.OutcomeName(decided.Outcome), decided?.Reasons, decided?.DepartureReason,
                c.Report is { } r ? casePolicy.OutcomeName(r.Recommendation) : null, advice.Recommendation.Chinese(),
                advice.BindingExclusions.Select(b => $"{b.Article}“{b.Title}”").ToList(), noDecision));
        }
        return new MeetingView(meeting.Id, meeting.Title, meeting.HeldOn, meeting.Place, meeting.Status, meeting.AttendanceRecorded,
            meeting.Members.OrderBy(m => m.Order).Select(m => new MemberView(m.PersonId, m.Name, m.Present, m.AbsenceReason)).ToList(),
            DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present), agenda);
    }

    private static Outcome ToOutcome(VoteChoice choice) => choice switch
    {
        VoteChoice.Exempted => Outcome.Exempted,
        VoteChoice.Mitigated => Outcome.Mitigated,
        _ => Outcome.NotExempted,
    };

    private static void RequireSecretariat(Actor actor, PolicyVersion policy)
    {
        if (!policy.RolesFor(Duty.Secretariat).Any(actor.Has))
        {
            throw DomainException.Forbidden("not-your-duty", $"会议记录由{policy.BodyFor(Duty.Secretariat)}办理，您当前的角色不能办理。");
        }
    }

    private static async Task<Meeting> LoadOpenMeetingAsync(CommandContext ctx, Guid id, CancellationToken ct)
    {
        var meeting = await ctx.Db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw DomainException.NotFound("meeting-not-found", "找不到该会议。");
        meeting.EnsureOpen();
        return meeting;
    }

    private static void RequireOnAgenda(Meeting meeting, Case c)
    {
        if (meeting.Agenda.All(a => a.CaseId != c.Id) || c.MeetingId != meeting.Id)
        {
            throw DomainException.Conflict("not-on-agenda", $"案件 {c.Number} 不在本次会议的议题中。");
        }
    }
}
