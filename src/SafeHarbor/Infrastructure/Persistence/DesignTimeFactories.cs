using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c>, once per provider; no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSafeHarborDb>
{
    public SqliteSafeHarborDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSafeHarborDb>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSafeHarborDb>
{
    public PostgresSafeHarborDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSafeHarborDb>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
