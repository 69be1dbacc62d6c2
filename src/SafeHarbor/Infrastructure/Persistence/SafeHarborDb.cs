using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>
/// The one database. Features keep their own entities and <c>IEntityTypeConfiguration</c> next to
/// them and reach them with <c>Set&lt;T&gt;()</c>; this class knows only the building blocks.
/// Each provider has a subclass so that each keeps its own migrations. It also holds the keys that
/// sign cookies and bearer tokens, so every node of one database accepts what another issued.
/// <para>
/// Bureaus are tenants: every <see cref="IBureauOwned"/> entity has the query filter
/// <see cref="BureauFilter"/>, so once a request is <see cref="ScopeTo">scoped</see> to the signed-in
/// user's bureau no query sees another bureau's rows, and a row added without a bureau gets the scope's.
/// An unscoped context (start-up, the command line, background work) sees every bureau and must name
/// the bureau of what it adds.
/// </para>
/// </summary>
public abstract class SafeHarborDb(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that keeps a bureau's rows to itself (for <c>IgnoreQueryFilters([BureauFilter])</c>).</summary>
    public const string BureauFilter = "Bureau";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Bureau> Bureaus => Set<Bureau>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();

    /// <summary>The bureau whose rows this context sees; null when it is not scoped (sees every bureau).</summary>
    public Guid? ScopedBureauId { get; private set; }

    /// <summary>From now on this context sees only <paramref name="bureauId"/>'s rows.</summary>
    public void ScopeTo(Guid bureauId)
    {
        if (ScopedBureauId is { } scoped && scoped != bureauId)
        {
            ChangeTracker.Clear();
        }
        ScopedBureauId = bureauId;
    }

    /// <summary>The bureau a write belongs to: the scope's; an unscoped context cannot write bureau records.</summary>
    public Guid RequireBureau() =>
        ScopedBureauId ?? throw new InvalidOperationException("This context is not scoped to a bureau: call ScopeTo first.");

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampBureau();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampBureau();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeHarborDb).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(IBureauOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            typeof(SafeHarborDb).GetMethod(nameof(KeepToBureau), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }
    }

    private void KeepToBureau<T>(ModelBuilder builder) where T : class, IBureauOwned
    {
        builder.Entity<T>().HasQueryFilter(BureauFilter, e => ScopedBureauId == null || e.BureauId == ScopedBureauId);
        builder.Entity<T>().HasIndex(e => e.BureauId);
    }

    /// <summary>New rows get the scope's bureau; a row of another bureau is never written through a scoped context.</summary>
    private void StampBureau()
    {
        foreach (var entry in ChangeTracker.Entries<IBureauOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.BureauId == Guid.Empty)
            {
                entry.Entity.BureauId = ScopedBureauId
                    ?? throw new InvalidOperationException($"A {entry.Entity.GetType().Name} was added without a bureau through a context that is not scoped to one.");
            }
            if (entry.State is EntityState.Added or EntityState.Modified && ScopedBureauId is { } scoped && entry.Entity.BureauId != scoped)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another bureau was written through a context scoped to {scoped}.");
            }
        }
    }
}

/// <summary>A per-bureau, per-year sequence (case numbers, archive item numbers, document numbers), advanced inside the command's transaction.</summary>
public sealed class Counter : IBureauOwned
{
    public Guid BureauId { get; set; }

    public required string Name { get; set; }
    public int Year { get; set; }
    public int Value { get; set; }
}

public sealed class SqliteSafeHarborDb(DbContextOptions<SqliteSafeHarborDb> options) : SafeHarborDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type; storing UTC ticks keeps ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresSafeHarborDb(DbContextOptions<PostgresSafeHarborDb> options) : SafeHarborDb(options);

public sealed class DateTimeOffsetToUtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
