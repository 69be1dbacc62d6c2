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
/// </summary>
public abstract class SafeHarborDb(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Counter> Counters => Set<Counter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeHarborDb).Assembly);
    }
}

/// <summary>A per-year sequence (case numbers, archive item numbers), advanced inside the command's transaction.</summary>
public sealed class Counter
{
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
