using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.Organisation;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>
/// The whole app over its own real database (SQLite file or PostgreSQL database), with a clock the
/// test sets and a small bureau of people in every role (<see cref="Cast"/>).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>, IAuthenticatorKeys
{
    public const string Password = "Test@2026x";

    private readonly Dictionary<string, string?> settings;
    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly string workDirectory;

    private TestApp(TestDatabase database, Dictionary<string, string?> overrides)
    {
        Database = database;
        workDirectory = HostSettings.NewWorkDirectory();
        settings = HostSettings.For(database, workDirectory, seedDemo: false, overrides);
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();
    public Cast Cast { get; private set; } = null!;
    public string StorageDirectory => settings["Storage:Directory"]!;
    public IReadOnlyDictionary<string, string?> Settings => settings;
    public Dictionary<string, string> AuthenticatorKeyOf => Cast.AuthenticatorKeyOf;
    public bool EnrolsOnFirstSignIn => false;

    /// <summary>Starts the app on a fresh database with the cast seeded.</summary>
    public static async Task<TestApp> StartAsync(Db kind, IDictionary<string, string?>? overrides = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var app = new TestApp(database, new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>()));
        _ = app.Server; // runs Program: migrations and startup tasks
        app.Cast = await Cast.SeedAsync(app.Services);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// A client signed in as the user (bearer token from the real login endpoint). Access tokens last minutes by the
    /// test clock: when the clock has passed a token's end, the client signs in again before its next request.
    /// </summary>
    public HttpClient As(string userName)
    {
        if (clients.TryGetValue(userName, out var existing))
        {
            return existing;
        }
        var tokens = new FreshToken(this, userName);
        tokens.SignIn(CreateClient());
        var client = CreateDefaultClient(ClientOptions.BaseAddress, tokens);
        CompleteFirstSignInAsync(client, tokens, userName).GetAwaiter().GetResult();
        clients[userName] = client;
        return client;
    }

    private readonly Dictionary<string, string> changedPasswords = [];

    /// <summary>
    /// An account a test made (initial password) or one that must have a second factor does what its person would at
    /// the first sign-in: chooses a new password (remembered for later sign-ins) and enrols an authenticator (its key
    /// kept with the cast's). Tests of those steps themselves sign in without <see cref="As"/>.
    /// </summary>
    private async Task CompleteFirstSignInAsync(HttpClient client, FreshToken tokens, string userName)
    {
        var password = changedPasswords.GetValueOrDefault(userName, Password);
        var pending = (await client.GetOkAsync("/api/me")).GetProperty("pendingStep").GetString();
        if (pending == "ChangePassword")
        {
            var chosen = password + "!";
            using var changed = await client.PostJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = chosen });
            Assert.True(changed.StatusCode == System.Net.HttpStatusCode.NoContent, $"{userName}'s first password change: {await changed.Content.ReadAsStringAsync()}");
            changedPasswords[userName] = chosen;
            tokens.SignIn(CreateClient()); // the change ended the account's tokens
            pending = (await client.GetOkAsync("/api/me")).GetProperty("pendingStep").GetString();
        }
        if (pending == "EnrolSecondFactor")
        {
            var key = (await client.GetOkAsync("/api/auth/two-factor")).GetProperty("sharedKey").GetString()!;
            await client.PostJsonAsync("/api/auth/two-factor", new { code = Authenticator.Code(key) }).OkAsync();
            Cast.AuthenticatorKeyOf[userName] = key;
            tokens.SignIn(CreateClient()); // enrolling ended the account's tokens
        }
    }

    /// <summary>Moves the clock to <paramref name="today"/> and drops the signed-in clients.</summary>
    public void MoveTo(DateOnly today)
    {
        Clock.SetToday(today);
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
        clients.Clear();
    }

    /// <summary>Puts the user's current access token on each request that carries none (or the previous one), signing in again once it has expired.</summary>
    private sealed class FreshToken(TestApp app, string userName) : DelegatingHandler
    {
        private string token = "";
        private DateTimeOffset expires;

        public void SignIn(HttpClient login)
        {
            using (login)
            {
                var password = app.changedPasswords.GetValueOrDefault(userName, Password);
                var response = login.PostAsJsonAsync("/api/auth/login", app.Cast.LoginBody(userName, password)).GetAwaiter().GetResult();
                var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"login as {userName} failed: {(int)response.StatusCode} {body}");
                }
                var answer = System.Text.Json.JsonDocument.Parse(body).RootElement;
                token = answer.GetProperty("accessToken").GetString()!;
                expires = app.Clock.Now.AddSeconds(answer.GetProperty("expiresIn").GetInt64());
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is null || request.Headers.Authorization.Parameter == token)
            {
                if (app.Clock.Now >= expires)
                {
                    SignIn(app.CreateClient());
                }
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Works with the database as the first bureau sees it (scoped to <see cref="Cast"/>'s bureau).</summary>
    public async Task<T> WithDbAsync<T>(Func<SafeHarborDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        db.ScopeTo(Cast.BureauId);
        return await work(db);
    }

    public Task WithDbAsync(Func<SafeHarborDb, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Adds a county bureau under the first with a cast of its own, whose user names start with <paramref name="prefix"/>.</summary>
    public Task<Cast> AddBureauAsync(string code, string prefix) => Cast.SeedAsync(Services, code, prefix, Cast.BureauId);

    /// <summary>The keys of the files stored under a prefix (e.g. <c>evidence/</c>), whichever store the app uses.</summary>
    public async Task<IReadOnlyList<string>> StoredKeysAsync(string prefix)
    {
        if (Services.GetRequiredService<IFileStore>() is FolderFileStore folder)
        {
            var root = folder.RootDirectory;
            return Directory.Exists(root)
                ? Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                    .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
        }
        return await WithDbAsync(db => db.Set<StoredFileRecord>().Where(f => f.Key.StartsWith(prefix)).OrderBy(f => f.Key).Select(f => f.Key).ToListAsync());
    }

    /// <summary>The app's file store, to read or tamper with a stored file as someone with access to the storage could.</summary>
    public IFileStore Files => Services.GetRequiredService<IFileStore>();

    public override async ValueTask DisposeAsync()
    {
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }
}

/// <summary>
/// The people of a small test bureau. User names: inv, inv2 (局机关纪委), office (局办公室),
/// archivist (局机关党委), guide (驻局纪检监察组), m1–m5 (局党组成员), leaderA, staffA, staffA2
/// (城东分局), leaderB, staffB (城西分局), leaderCounty (东山县局, over 城关所), staffTown (城关所),
/// personnel (人事科), policyowner (执法稽查科), sysadmin, secadmin, auditadmin (三员: no person, enrolled in a second factor).
/// </summary>
public sealed class Cast
{
    public static readonly string[] Members = ["m1", "m2", "m3", "m4", "m5"];

    public Dictionary<string, Guid> Units { get; } = [];
    public Dictionary<string, Guid> PersonOf { get; } = [];
    public Dictionary<string, Guid> UserIdOf { get; } = [];

    /// <summary>
    /// The authenticator keys of the cast's administrators (sysadmin, secadmin, auditadmin): they must sign in with a second
    /// factor, so the cast is seeded enrolled, as each would be after <c>/Account/TwoFactor</c>, and the tests compute
    /// their codes (<see cref="Authenticator"/>).
    /// </summary>
    public Dictionary<string, string> AuthenticatorKeyOf { get; } = [];

    /// <summary>The body of <c>POST /api/auth/login</c> for a cast member: with the code of now for an administrator.</summary>
    public object LoginBody(string userName, string password) => AuthenticatorKeyOf.TryGetValue(userName, out var key)
        ? new { userName, password, twoFactorCode = Authenticator.Code(key) }
        : new { userName, password };

    public Guid BranchA => Units["城东分局"];
    public Guid BranchB => Units["城西分局"];

    /// <summary>The cast's bureau.</summary>
    public Guid BureauId { get; private set; }

    /// <summary>Put before every user name of this cast: "" for the first bureau, e.g. "b-" for a second one.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>
    /// Seeds a bureau with the cast. The first (code <c>test</c>, 测试市局) is a city bureau; another, with its own
    /// <paramref name="prefix"/> for user names, is a county bureau under <paramref name="parent"/>.
    /// </summary>
    public static async Task<Cast> SeedAsync(IServiceProvider services, string code = "test", string prefix = "", Guid? parent = null)
    {
        var cast = new Cast { Prefix = prefix };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var bureauName = parent is null ? "测试市市场监督管理局" : $"测试县市场监督管理局（{code}）";
        var bureau = new Bureau
        {
            Id = Guid.NewGuid(), Code = code, Level = parent is null ? BureauLevel.City : BureauLevel.County, ParentId = parent, Name = bureauName,
            ShortName = parent is null ? "测市监" : $"测{code}监", PartyGroup = $"中共{bureauName}党组", Office = $"{bureauName}办公室",
            Discipline = $"中共{bureauName}机关纪律检查委员会", PartyCommittee = $"中共{bureauName}机关委员会", GuidanceGroup = $"纪委监委驻{bureauName}纪检监察组",
        };
        db.Bureaus.Add(bureau);
        await db.SaveChangesAsync();
        db.ScopeTo(bureau.Id);
        cast.BureauId = bureau.Id;

        void AddUnit(string name, UnitType type, string? parent)
        {
            var unit = new Unit { Id = Guid.NewGuid(), Name = name, Type = type, ParentId = parent is null ? null : cast.Units[parent] };
            cast.Units[name] = unit.Id;
            db.Units.Add(unit);
        }
        AddUnit("测试市局", UnitType.Bureau, null);
        AddUnit("机关纪委", UnitType.Section, "测试市局");
        AddUnit("办公室", UnitType.Section, "测试市局");
        AddUnit("机关党委", UnitType.Section, "测试市局");
        AddUnit("驻局纪检监察组", UnitType.Section, "测试市局");
        AddUnit("人事科", UnitType.Section, "测试市局");
        AddUnit("执法稽查科", UnitType.Section, "测试市局");
        AddUnit("城东分局", UnitType.Branch, "测试市局");
        AddUnit("城西分局", UnitType.Branch, "测试市局");
        AddUnit("东山县局", UnitType.CountyBureau, "测试市局");
        AddUnit("东山县局城关所", UnitType.CountyBureau, "东山县局");
        if (!await db.Roles.AnyAsync())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                db.Roles.Add(new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = role.ToString(), NormalizedName = role.ToString().ToUpperInvariant() });
            }
        }
        await db.SaveChangesAsync();

        async Task AddUser(string userName, string name, string? unit, Role role, bool leader = false)
        {
            userName = prefix + userName;
            Guid? personId = null;
            if (unit is not null)
            {
                var person = new Person { Id = Guid.NewGuid(), Name = name, UnitId = cast.Units[unit], Post = leader ? "负责人" : "干部", IsLeader = leader, InLeadershipTeam = leader };
                db.Persons.Add(person);
                await db.SaveChangesAsync();
                personId = person.Id;
                cast.PersonOf[userName] = person.Id;
            }
            var user = new AppUser { Id = Guid.NewGuid(), UserName = userName, DisplayName = name, PersonId = personId };
            var created = await users.CreateAsync(user, TestApp.Password);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role.ToString())).Succeeded)
            {
                throw new InvalidOperationException($"could not create {userName}");
            }
            if (role is Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                cast.AuthenticatorKeyOf[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            cast.UserIdOf[userName] = user.Id;
        }
        await AddUser("inv", "刘纪检", "机关纪委", Role.Investigator, leader: true);
        await AddUser("inv2", "钱纪检", "机关纪委", Role.Investigator);
        await AddUser("office", "孙秘书", "办公室", Role.PartyGroupOffice);
        await AddUser("archivist", "吴党委", "机关党委", Role.PartyCommittee);
        await AddUser("guide", "郑指导", "驻局纪检监察组", Role.GuidanceGroup);
        var memberNames = new[] { "周书记", "李副局长", "王副局长", "陈副局长", "赵总工" };
        for (var i = 0; i < Members.Length; i++)
        {
            await AddUser(Members[i], memberNames[i], "测试市局", Role.PartyGroupMember, leader: true);
        }
        await AddUser("leaderA", "张局长", "城东分局", Role.Staff, leader: true);
        await AddUser("staffA", "何执法", "城东分局", Role.Staff);
        await AddUser("staffA2", "林执法", "城东分局", Role.Staff);
        await AddUser("leaderB", "郭局长", "城西分局", Role.Staff, leader: true);
        await AddUser("staffB", "杨执法", "城西分局", Role.Staff);
        await AddUser("leaderCounty", "韩局长", "东山县局", Role.Staff, leader: true);
        await AddUser("staffTown", "曹所员", "东山县局城关所", Role.Staff);
        await AddUser("personnel", "黄人事", "人事科", Role.Personnel, leader: true);
        await AddUser("policyowner", "马稽查", "执法稽查科", Role.PolicyOwner, leader: true);
        await AddUser("sysadmin", "系统管理员", null, Role.SystemAdmin);
        await AddUser("secadmin", "安全管理员", null, Role.SecurityAdmin);
        await AddUser("auditadmin", "审计管理员", null, Role.AuditAdmin);
        return cast;
    }
}
