using System.Reflection;
using SafeHarbor.IntegrationTests.Support;
using Xunit.Sdk;
using Xunit.v3;

namespace SafeHarbor.IntegrationTests.Persistence;

/// <summary>
/// Keeps the README true: every integration test runs on SQLite and PostgreSQL, or says in its
/// attribute why it runs on SQLite alone (<see cref="SqliteOnlyAttribute"/>) or on no database
/// (<see cref="NoDatabaseAttribute"/>), or on PostgreSQL alone (<see cref="PostgresOnlyAttribute"/>: several nodes on one database).
/// </summary>
public sealed class WhichDatabasesTests
{
    private static readonly Db[] Both = Enum.GetValues<Db>();

    [NoDatabase("reads the attributes of the test assembly")]
    public async Task Every_test_runs_on_both_databases_or_says_why_it_runs_on_sqlite_alone_or_on_none()
    {
        var tests = typeof(WhichDatabasesTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Facts: m.GetCustomAttributes<FactAttribute>(inherit: true).ToList()))
            .Where(t => t.Facts.Count > 0)
            .ToList();
        var unclear = new List<string>();
        foreach (var (method, facts) in tests)
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            var dbs = facts[0] is TheoryAttribute ? await DatabasesOf(method) : new HashSet<Db>();
            var problem = facts.Count > 1 ? "more than one test attribute" : facts[0] switch
            {
                SqliteOnlyAttribute s when string.IsNullOrWhiteSpace(s.Reason) => "[SqliteOnly] without a reason",
                NoDatabaseAttribute n when string.IsNullOrWhiteSpace(n.Reason) => "[NoDatabase] without a reason",
                PostgresOnlyAttribute p when string.IsNullOrWhiteSpace(p.Reason) => "[PostgresOnly] without a reason",
                SqliteOnlyAttribute or NoDatabaseAttribute or PostgresOnlyAttribute => null,
                TheoryAttribute when dbs.SetEquals(Both) => null,
                TheoryAttribute => $"a [Theory] whose rows run on [{string.Join(", ", dbs.Order())}], not on every database: add [AllDatabases] or a Db column with each value",
                _ => "a plain [Fact]: make it [Theory, AllDatabases] with a Db parameter, or mark it [SqliteOnly(\"why\")] or [NoDatabase(\"why\")] (or [PostgresOnly(\"why\")] for several nodes on one database)",
            };
            if (problem is not null)
            {
                unclear.Add($"{name}: {problem}");
            }
        }

        // The reflection finds the tests at all: the markers and both kinds of theory are in use.
        Assert.Contains(tests, t => t.Facts[0] is SqliteOnlyAttribute);
        Assert.Contains(tests, t => t.Facts[0] is NoDatabaseAttribute);
        Assert.Contains(tests, t => t.Facts[0] is PostgresOnlyAttribute);
        Assert.Contains(tests, t => t.Method.IsDefined(typeof(AllDatabasesAttribute)));
        Assert.Contains(tests, t => t.Method.IsDefined(typeof(MemberDataAttribute)));
        Assert.True(unclear.Count == 0, $"{unclear.Count} tests do not say which databases they run on:\n" + string.Join("\n", unclear));
    }

    /// <summary>The Db values in the rows the theory's data attributes give, as xunit would run them.</summary>
    private static async Task<HashSet<Db>> DatabasesOf(MethodInfo method)
    {
        var dbs = new HashSet<Db>();
        var disposals = new DisposalTracker();
        try
        {
            foreach (var data in method.GetCustomAttributes().OfType<IDataAttribute>())
            {
                // xunit tells a [MemberData] its class before asking it for rows.
                if (data is ITypeAwareDataAttribute { MemberType: null } typeAware)
                {
                    typeAware.MemberType = method.ReflectedType;
                }
                foreach (var row in await data.GetData(method, disposals))
                {
                    dbs.UnionWith(row.GetData().OfType<Db>());
                }
            }
        }
        finally
        {
            await disposals.DisposeAsync();
        }
        return dbs;
    }
}
