using System.Runtime.CompilerServices;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>
/// A test that runs on SQLite alone, and why a second database adds nothing or costs too much
/// (a real browser, the built executable, LibreOffice, a SQLite-only property). Every other test that
/// touches a database runs on both (<see cref="AllDatabasesAttribute"/>); <c>EveryTestSaysWhichDatabases</c> checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyAttribute(
    string reason,
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// A test that opens no database (the calendar and policy commands, a hash, a file check), so there is
/// no provider to choose; <c>EveryTestSaysWhichDatabases</c> checks that every other test says which databases it runs on.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NoDatabaseAttribute(
    string reason,
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// A test that needs PostgreSQL and says why (several app processes on one database: a SQLite file
/// serves one node only). <c>EveryTestSaysWhichDatabases</c> checks the reason is given.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresOnlyAttribute(
    string reason,
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber)
{
    public string Reason { get; } = reason;
}
