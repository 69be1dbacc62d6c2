using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Telemetry;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>
/// Runs one command of the bureau the context is scoped to: one transaction that first locks that bureau's
/// audit head row (so the bureau's commands run one at a time and its chain and counters advance in one
/// order, while other bureaus write in parallel), validation before any write, the case's recorded steps
/// and any other audit entries appended to the bureau's chain in the same transaction, then commit.
/// </summary>
public sealed class CommandRunner(SafeHarborDb db, TimeProvider time, WriteLock writeLock, PolicyCatalog policies, IEnumerable<ICaseStepHandler> stepHandlers,
    SafeHarborMetrics? metrics = null)
{
    /// <summary>Every policy version known; a command's <see cref="CommandContext.Policies"/> are those of the actor's bureau.</summary>
    public PolicyCatalog Policies => policies;

    public async Task<T> RunAsync<T>(Actor actor, Func<CommandContext, Task<T>> body, CancellationToken ct = default)
    {
        var bureauId = db.RequireBureau();
        metrics?.CommandRan(body);
        using var _ = await writeLock.AcquireAsync(ct);
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var head = await LockChainAsync(bureauId, ct);
            var now = time.GetUtcNow().ToUniversalTime();
            var context = new CommandContext(db, actor, now, ChinaClock.ToChinaDate(now), policies.ForBureau(actor.BureauLineage));
            var result = await body(context);

            var entries = new List<AuditLog.NewEntry>();
            foreach (var tracked in db.ChangeTracker.Entries<Case>().Select(e => e.Entity).ToList())
            {
                // Other features act on a step in the same transaction (e.g. result-use records on a decision).
                foreach (var step in tracked.PendingEvents.ToList())
                {
                    foreach (var handler in stepHandlers)
                    {
                        await handler.HandleAsync(context, tracked, step, ct);
                    }
                }
                entries.AddRange(tracked.PendingEvents.Select(e => new AuditLog.NewEntry(
                    actor.UserId == Guid.Empty ? null : actor.UserId,
                    actor.DisplayName,
                    e.ActingAs,
                    e.Action.ToString(),
                    "Case",
                    tracked.Number,
                    tracked.Id,
                    new { step = e.Action.Chinese(), from = e.From?.ToString(), to = e.To.ToString(), e.Changes })));
                tracked.ClearPendingEvents();
            }
            entries.AddRange(context.ExtraAuditEntries);
            AuditLog.Append(db, head, entries, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (Exception e) when (metrics?.CommandFailed(body, e) == true)
        {
            throw; // never reached: the filter only counts
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("concurrency-conflict", "该记录已被他人修改，您的操作未保存。请刷新页面查看最新内容后重新提交。");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The bureau's chain head, created on its first command and locked until this transaction ends: on PostgreSQL
    /// a row lock (<c>FOR UPDATE</c>) that commands of the same bureau on any node wait for; SQLite has one writer
    /// at a time anyway (<see cref="WriteLock"/>).
    /// </summary>
    private async Task<AuditHead> LockChainAsync(Guid bureauId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var existing = await db.AuditHeads.SingleOrDefaultAsync(h => h.BureauId == bureauId, ct);
            if (existing is not null)
            {
                return existing;
            }
            var head = new AuditHead { BureauId = bureauId, LastSequence = 0, LastHash = AuditEntry.GenesisHash };
            db.AuditHeads.Add(head);
            return head;
        }
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AuditHeads" ("BureauId", "LastSequence", "LastHash") VALUES ({bureauId}, 0, {AuditEntry.GenesisHash}) ON CONFLICT DO NOTHING""", ct);
        return await db.AuditHeads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "BureauId" = {bureauId} FOR UPDATE""").SingleAsync(ct);
    }
}

/// <summary>
/// Lets a feature act on a case's step inside the command's transaction without the stage that
/// took the step knowing about it (e.g. result uses of Art. 11 follow a determination).
/// </summary>
public interface ICaseStepHandler
{
    Task HandleAsync(CommandContext context, Case c, CaseEvent step, CancellationToken ct);
}

/// <summary>What a command handler works with.</summary>
public sealed class CommandContext(SafeHarborDb db, Actor actor, DateTimeOffset now, DateOnly today, PolicyCatalog policies)
{
    internal List<AuditLog.NewEntry> ExtraAuditEntries { get; } = [];

    public SafeHarborDb Db { get; } = db;
    public Actor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Today's date in Asia/Shanghai.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>The versions the actor's bureau applies (<see cref="PolicyCatalog.ForBureau"/>); every version is still found by id.</summary>
    public PolicyCatalog Policies { get; } = policies;

    /// <summary>Loads a case the actor may see; a stale <paramref name="expectedVersion"/> is refused before anything changes.</summary>
    public async Task<Case> LoadCaseAsync(Guid caseId, int? expectedVersion, CancellationToken ct)
    {
        var c = await Db.Cases.Where(CaseAccess.VisibleTo(Actor)).SingleOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound("case-not-found", "找不到该案件，或您无权查看。");
        if (expectedVersion is { } expected && expected != c.Version)
        {
            throw DomainException.Conflict(
                "concurrency-conflict",
                $"案件 {c.Number} 已被他人修改（您看到的是第 {expected} 版，当前为第 {c.Version} 版），您的操作未保存。请刷新后重新提交。");
        }
        return c;
    }

    public PolicyVersion PolicyOf(Case c) => Policies.Get(c.PolicyId);

    /// <summary>Records a change that is not a case step (organisation, meetings, reports) in the audit chain.</summary>
    public void Audit(string action, string entityType, string entityId, Guid? caseId, string actingAs, object? details) =>
        ExtraAuditEntries.Add(new AuditLog.NewEntry(
            Actor.UserId == Guid.Empty ? null : Actor.UserId, Actor.DisplayName, actingAs, action, entityType, entityId, caseId, details));

    /// <summary>
    /// Advances the bureau's per-year sequence inside this transaction. The command holds the bureau's chain
    /// lock, so no other command of the bureau advances it meanwhile.
    /// </summary>
    public async Task<int> NextNumberAsync(string name, int year, CancellationToken ct)
    {
        var counter = await Db.Counters.SingleOrDefaultAsync(c => c.Name == name && c.Year == year, ct);
        if (counter is null)
        {
            counter = new Counter { Name = name, Year = year, Value = 0 };
            Db.Counters.Add(counter);
        }
        counter.Value++;
        return counter.Value;
    }
}
