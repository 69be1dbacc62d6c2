using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Infrastructure.Security;

/// <summary>
/// Failed sign-ins of one user name from one client address. Keyed by both so that a stranger who types an
/// administrator's name five times locks only his own address out, never the administrator at her desk; kept in
/// the database so that every node of an installation counts the same failures. A user name that does not exist
/// is counted and locked exactly like one that does: the answers never tell which names exist.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The user name as Identity normalises it (upper case), whether or not such an account exists.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The client's address (after the trusted proxies' forwarded headers).</summary>
    public string Address { get; set; } = "";

    /// <summary>Failures since <see cref="FirstFailureAt"/>.</summary>
    public int Count { get; set; }

    /// <summary>The first failure of the current window; a failure after the window starts a new count.</summary>
    public DateTimeOffset FirstFailureAt { get; set; }

    /// <summary>Until when sign-in from this address with this name is refused; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("SignInFailures");
        b.HasKey(f => new { f.UserName, f.Address });
        b.Property(f => f.UserName).HasMaxLength(256);
        b.Property(f => f.Address).HasMaxLength(64);
        b.HasIndex(f => f.LockedUntil);
    }
}

/// <summary>Counts failed sign-ins per (user name, address) and locks after <see cref="MaxFailures"/> within <see cref="Window"/>.</summary>
public sealed class SignInThrottle(SafeHarborDb db, TimeProvider time)
{
    public const int MaxFailures = 5;

    /// <summary>Both the window in which failures count and how long a lock lasts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const string LockedMessage = "登录失败次数过多，请 15 分钟后再试，或联系安全管理员解除锁定。";

    public static string Normalise(string userName) => userName.Trim().ToUpperInvariant();

    public async Task<bool> IsLockedAsync(string userName, string address, CancellationToken ct)
    {
        var name = Normalise(userName);
        var now = time.GetUtcNow();
        return await db.Set<SignInFailure>().AnyAsync(f => f.UserName == name && f.Address == address && f.LockedUntil > now, ct);
    }

    /// <summary>Counts one failure; true when it is the one that locks (the caller records the lockout).</summary>
    public async Task<bool> RecordFailureAsync(string userName, string address, CancellationToken ct)
    {
        var name = Normalise(userName);
        var now = time.GetUtcNow();
        var windowStart = now - Window;
        var failures = db.Set<SignInFailure>().Where(f => f.UserName == name && f.Address == address);
        // One statement per step, so two nodes counting the same name and address at once lose no failure.
        if (await failures.ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Count, f => f.FirstFailureAt < windowStart ? 1 : f.Count + 1)
                .SetProperty(f => f.FirstFailureAt, f => f.FirstFailureAt < windowStart ? now : f.FirstFailureAt), ct) == 0)
        {
            try
            {
                db.Set<SignInFailure>().Add(new SignInFailure { UserName = name, Address = address, Count = 1, FirstFailureAt = now });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request inserted the row first: count on it.
                db.ChangeTracker.Clear();
                await failures.ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1), ct);
            }
            finally
            {
                foreach (var entry in db.ChangeTracker.Entries<SignInFailure>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
        var lockedUntil = now + Window;
        return await failures.Where(f => f.Count >= MaxFailures && (f.LockedUntil == null || f.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, lockedUntil).SetProperty(f => f.Count, 0).SetProperty(f => f.FirstFailureAt, now), ct) > 0;
    }

    /// <summary>The (normalised) user names locked from at least one address now.</summary>
    public static async Task<HashSet<string>> LockedNamesAsync(SafeHarborDb db, DateTimeOffset now, CancellationToken ct) =>
        (await db.Set<SignInFailure>().Where(f => f.LockedUntil > now).Select(f => f.UserName).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>A successful sign-in from this address forgets its failures.</summary>
    public Task ClearAsync(string userName, string address, CancellationToken ct)
    {
        var name = Normalise(userName);
        return db.Set<SignInFailure>().Where(f => f.UserName == name && f.Address == address).ExecuteDeleteAsync(ct);
    }

    /// <summary>The security administrator unlocks an account from every address; the number of locks lifted.</summary>
    public async Task<int> UnlockAsync(string userName, CancellationToken ct)
    {
        var name = Normalise(userName);
        var now = time.GetUtcNow();
        var locked = await db.Set<SignInFailure>().CountAsync(f => f.UserName == name && f.LockedUntil > now, ct);
        await db.Set<SignInFailure>().Where(f => f.UserName == name).ExecuteDeleteAsync(ct);
        return locked;
    }
}

/// <summary>
/// A password hash of the configured cost that matches no password: a sign-in with an unknown user name is
/// verified against it, so that it takes as long as a wrong password for an existing account and the time of the
/// answer does not tell which names exist.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<AppUser> hasher = new(options);
    private readonly Lazy<string> hash = new(() => new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>The hash (for a test to read its iteration count).</summary>
    public string Hash => hash.Value;

    /// <summary>Spends the time of a password check (the answer is always "wrong").</summary>
    public void Verify(string password) => hasher.VerifyHashedPassword(new AppUser(), hash.Value, password);
}
