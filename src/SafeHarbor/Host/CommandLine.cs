using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Admin;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.Crypto;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.CaseIntegrity;
using SafeHarbor.Features.Checkpoints;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

/// <summary>
/// Administrator commands of the same executable. Calendar and policy commands touch no database;
/// the others use the database configured as for the web app (appsettings, Database__* variables).
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = ["calendar", "policy", "audit", "keys", "seed-demo", "migrate", "documents", "archive", "admin", "backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var root = new RootCommand("SafeHarbor 容错免责与激励管理系统：管理命令");
        root.Subcommands.Add(CalendarCommand(input, output, error, configuration));
        root.Subcommands.Add(PolicyCommand(output, error, configuration));
        root.Subcommands.Add(AuditCommand(output, error, configuration));
        root.Subcommands.Add(KeysCommand(output, error, configuration));
        root.Subcommands.Add(DocumentsCommand(output, error, configuration));
        root.Subcommands.Add(ArchiveCommand(output, error, configuration));
        root.Subcommands.Add(DatabaseCommand("migrate", "创建或升级数据库（应用全部迁移）", output, error, configuration, seed: false));
        root.Subcommands.Add(AdminCommand(input, output, error, configuration));
        root.Subcommands.Add(BackupCommand(output, error, configuration));
        root.Subcommands.Add(RestoreCommand(output, error, configuration));
        root.Subcommands.Add(DatabaseCommand("seed-demo", "在空数据库中写入演示数据（单位、人员、账号和各阶段案件）", output, error, configuration, seed: true));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command CalendarCommand(TextReader input, TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var calendar = new Command("calendar", "工作日历（法定节假日与调休）");

        var from = new Option<string?>("--from") { Description = "起算日期 YYYY-MM-DD（当日不计入）；省略时从标准输入逐行读取" };
        var days = new Option<int>("--working-days") { Description = "工作日数", Required = true };
        var strict = new Option<bool>("--strict")
        {
            Description = "经过尚未发布节假日安排的年度时不按法定节假日推算暂定日期，而是报错退出（退出码 3）",
        };
        var deadline = new Command("deadline", "自起算日起第 N 个工作日（起算日不计入）；经过尚未发布安排的年度时输出暂定日期，标注（暂定）") { from, days, strict };
        deadline.SetAction(parse => Guard(error, () =>
        {
            var cal = LoadCalendar(configuration, error);
            var n = parse.GetValue(days);
            if (n < 1)
            {
                throw new ArgumentException("--working-days 须为正整数。");
            }
            var reasons = new SortedSet<string>(StringComparer.Ordinal);
            string Deadline(DateOnly start)
            {
                var due = cal.AddWorkingDays(start, n);
                if (due.ProvisionalReason is { } reason)
                {
                    if (parse.GetValue(strict))
                    {
                        throw new CalendarNotPublishedException(FirstYearWithoutNotice(cal, start, due.Date));
                    }
                    reasons.Add(reason);
                }
                return due.ToString();
            }
            // Why a date is 暂定 goes to standard error, once: standard output stays one date per line.
            void ExplainProvisional()
            {
                foreach (var reason in reasons)
                {
                    error.WriteLine($"（暂定）{reason}。");
                }
            }
            if (parse.GetValue(from) is { } single)
            {
                output.WriteLine(Deadline(ParseDate(single)));
                ExplainProvisional();
                return 0;
            }
            // Many dates at once: one buffered pass over standard input.
            var lineNumber = 0;
            string? line;
            while ((line = input.ReadLine()) is not null)
            {
                lineNumber++;
                var text = line.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                {
                    throw new ArgumentException($"第 {lineNumber} 行“{text}”不是 YYYY-MM-DD 格式的日期。");
                }
                output.Write(text);
                output.Write(' ');
                output.WriteLine(Deadline(start));
            }
            ExplainProvisional();
            return 0;
        }));

        var dateArgument = new Argument<string>("date") { Description = "日期 YYYY-MM-DD" };
        var isWorkingDay = new Command("is-working-day", "某日是否为工作日，输出 true 或 false；尚未发布安排的年度按法定节假日推算（暂定）") { dateArgument, strict };
        isWorkingDay.SetAction(parse => Guard(error, () =>
        {
            var date = ParseDate(parse.GetValue(dateArgument)!);
            var cal = LoadCalendar(configuration, error);
            var day = cal.Describe(date);
            if (day.ProvisionalReason is { } reason)
            {
                if (parse.GetValue(strict))
                {
                    throw new CalendarNotPublishedException(FirstYearWithoutNotice(cal, date.AddDays(-1), date));
                }
                error.WriteLine($"（暂定）{reason}。");
            }
            output.WriteLine(day.IsWorkingDay ? "true" : "false");
            return 0;
        }));

        calendar.Subcommands.Add(deadline);
        calendar.Subcommands.Add(isWorkingDay);
        return calendar;
    }

    private static Command PolicyCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var policy = new Command("policy", "容错免责办法版本");
        var list = new Command("list", "列出已载入的办法版本");
        list.SetAction(_ => Guard(error, () =>
        {
            foreach (var p in LoadPolicies(configuration).All)
            {
                output.WriteLine($"{p.Id}\t{p.DocumentNumber}\t{p.EffectiveFrom:yyyy-MM-dd} 起施行{(p.EffectiveTo is { } to ? $"，至 {to:yyyy-MM-dd}" : "")}\t{p.Issuer}");
            }
            return 0;
        }));
        var id = new Argument<string>("id") { Description = "办法版本标识（policy list 的第一列）" };
        var show = new Command("show", "以可读形式显示一个办法版本") { id };
        show.SetAction(parse => Guard(error, () =>
        {
            output.Write(PolicyText.Describe(LoadPolicies(configuration).Get(parse.GetValue(id)!)));
            return 0;
        }));
        policy.Subcommands.Add(list);
        policy.Subcommands.Add(show);
        return policy;
    }

    private static Command AuditCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var audit = new Command("audit", "审计日志");
        var bureauOption = new Option<string?>("--bureau") { Description = "只校验这个局的链（局代码，例如 qh）；不填则校验每个局的链" };
        var checkpointsOption = new Option<DirectoryInfo?>("--checkpoints")
        {
            Description = "签名检查点目录（Audit:CheckpointDirectory 或审计管理员下载保存的副本，内有 <局代码>/<序号>.json）：另校验每个检查点的签名、链在该序号的哈希，以及链末尾未被截断",
        };
        var publicKeyOption = new Option<string?>("--public-key") { Description = "校验检查点签名所用的 SM2 公钥（十六进制）；不填则用本系统的密钥（Audit:SigningKeyPath）" };
        var verify = new Command("verify",
            "校验 SM3 哈希链（每个局一条）、每件案件的状态、认定结果、结果运用记录和备案与审计日志是否一致，以及（--checkpoints）签名检查点；全部一致时退出码为 0，否则每个局一行写明哪里不符并以 1 退出")
        {
            bureauOption, checkpointsOption, publicKeyOption,
        };
        verify.SetAction((parse, ct) => GuardAsync(error, async () =>
        {
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            var policies = scope.ServiceProvider.GetRequiredService<PolicyCatalog>();
            var code = parse.GetValue(bureauOption);
            var bureaus = await db.Bureaus.AsNoTracking().Where(b => code == null || b.Code == code).OrderBy(b => b.SortOrder).ThenBy(b => b.Code)
                .Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
            if (code is not null && bureaus.Count == 0)
            {
                error.WriteLine($"没有代码为“{code}”的局。");
                return 2;
            }
            CheckpointStore? checkpoints = null;
            string? publicKey = null;
            if (parse.GetValue(checkpointsOption) is { } directory)
            {
                if (!directory.Exists)
                {
                    throw new ArgumentException($"找不到检查点目录 {directory.FullName}。");
                }
                checkpoints = new CheckpointStore(directory.FullName);
                publicKey = parse.GetValue(publicKeyOption) is { } given
                    ? given.Trim()
                    : scope.ServiceProvider.GetRequiredService<AuditSigningKey>().Signer.PublicKeyHex;
                output.WriteLine($"检查点签名按公钥 {Sm2Signer.FingerprintOf(publicKey)}（指纹）校验。");
            }
            // A chain whose bureau row is gone is still checked, under its id.
            var known = bureaus.Select(b => b.Id).ToHashSet();
            var orphans = code is not null ? [] : await db.AuditHeads.AsNoTracking().Select(h => h.BureauId).Where(id => !known.Contains(id)).ToListAsync(ct);
            var intact = true;
            foreach (var (id, bureauCode, name) in bureaus.Select(b => (b.Id, (string?)b.Code, $"{b.Code}（{b.Name}）")).Concat(orphans.Select(o => (o, (string?)null, $"未登记的局 {o}"))))
            {
                var chain = await AuditLog.VerifyAsync(db, id, ct);
                var parts = new List<string> { chain.Message };
                var ok = chain.IsIntact;
                if (checkpoints is not null && bureauCode is not null)
                {
                    var against = await CheckpointVerifier.VerifyAsync(db, id, bureauCode, checkpoints.Read(bureauCode), publicKey!, ct);
                    parts.Add(against.Summary);
                    ok &= against.IsIntact;
                }
                var cases = await CaseStateVerification.VerifyBureauAsync(db, id, policies, ct);
                parts.Add(cases.Count == 0 ? "案件状态、认定结果、结果运用记录和备案与审计日志一致。" : string.Join("", cases.Select(m => m.Message)));
                ok &= cases.Count == 0;
                (ok ? output : error).WriteLine($"{name}：{string.Join("", parts)}");
                intact &= ok;
            }
            if (checkpoints is not null && code is null)
            {
                // Checkpoints of a bureau the database no longer has: its chain was removed with it.
                foreach (var missing in checkpoints.BureauCodes().Where(c => !bureaus.Any(b => b.Code == c)))
                {
                    error.WriteLine($"{missing}：检查点目录中有该局的签名检查点，但数据库中没有这个局：局及其审计日志被删除。");
                    intact = false;
                }
            }
            return intact ? 0 : 1;
        }));

        var checkpoint = new Command("checkpoint", "立即签名每个局的链尾（链尾自上一个检查点以来有变化时），写入 Audit:CheckpointDirectory");
        checkpoint.SetAction((_, ct) => GuardAsync(error, async () =>
        {
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var store = services.GetRequiredService<CheckpointStore>();
            var outcome = await SignCheckpoints.RunAsync(services.GetRequiredService<SafeHarborDb>(), services.GetRequiredService<AuditSigningKey>(), store,
                services.GetRequiredService<AuditOptions>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), force: true, ct);
            foreach (var signed in outcome.Signed)
            {
                output.WriteLine($"{signed.BureauCode}：已签名第 {signed.Checkpoint.Sequence} 条（密钥指纹 {signed.Checkpoint.KeyFingerprint}） → {store.PathOf(signed.BureauCode, signed.Checkpoint.Sequence)}{(signed.Written ? "" : "（已有该检查点）")}");
            }
            foreach (var refused in outcome.Refused)
            {
                error.WriteLine(refused.Reason);
            }
            if (outcome.Signed.Count == 0 && outcome.Refused.Count == 0)
            {
                output.WriteLine("各局链尾自上一个检查点以来没有变化，无需签名。");
            }
            return outcome.Refused.Count == 0 ? 0 : 1;
        }));
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);
        return audit;
    }

    private static Command KeysCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var keys = new Command("keys", "本系统的 SM2 签名密钥（签名审计检查点和归档包清单）");
        var create = new Command("create", "生成签名密钥，写入 Audit:SigningKeyPath（文件权限 0600）；已有密钥时不覆盖并以 2 退出");
        create.SetAction(_ => Guard(error, () =>
        {
            var path = AuditOptions.From(configuration).SigningKeyPath;
            if (!SigningKeyFile.TryCreate(path, out var key))
            {
                throw new ArgumentException($"{Path.GetFullPath(path)} 已有签名密钥（指纹 {key.Fingerprint}），未覆盖：已签名的检查点和归档包要用它校验。");
            }
            output.WriteLine($"已生成签名密钥 {Path.GetFullPath(path)}，公钥指纹 {key.Fingerprint}。请备份该文件并妥善保管，不要放入版本库。");
            return 0;
        }));
        var show = new Command("public", "输出公钥（十六进制）和指纹（公钥 SM3 的前 16 位），供核对检查点和归档包的签名");
        show.SetAction(_ => Guard(error, () =>
        {
            try
            {
                var key = SigningKeyFile.Load(AuditOptions.From(configuration).SigningKeyPath);
                output.WriteLine($"公钥 {key.PublicKeyHex}");
                output.WriteLine($"指纹 {key.Fingerprint}");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                throw new ArgumentException(e.Message);
            }
        }));
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(show);
        return keys;
    }

    private static Command DocumentsCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var documents = new Command("documents", "公文（GB/T 9704-2012 版式）");
        var kinds = new Command("kinds", "列出可生成的公文种类");
        kinds.SetAction(_ =>
        {
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                output.WriteLine($"{kind.Slug()}\t{kind.Chinese()}");
            }
            return 0;
        });

        var caseOption = new Option<string>("--case") { Description = "案件编号，例如 2026-0001", Required = true };
        var kindOption = new Option<string>("--kind") { Description = "公文种类（documents kinds 列出的第一列）", Required = true };
        var formatOption = new Option<string>("--format") { Description = "docx 或 pdf", DefaultValueFactory = _ => "docx" };
        var outOption = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var instanceOption = new Option<int?>("--instance") { Description = "第几次的指导函或补充材料通知（从 0 起，默认最近一次）" };
        var bureauOption = BureauOption();
        var render = new Command("render", "生成一件公文") { caseOption, bureauOption, kindOption, formatOption, outOption, instanceOption };
        render.SetAction((parse, ct) => GuardAsync(error, async () =>
        {
            var format = parse.GetValue(formatOption)!.ToLowerInvariant();
            if (format is not ("docx" or "pdf"))
            {
                throw new ArgumentException($"--format 应为 docx 或 pdf，而不是 {format}。");
            }
            if (!DocumentKinds.TryParse(parse.GetValue(kindOption), out var kind))
            {
                throw new ArgumentException($"没有“{parse.GetValue(kindOption)}”这种公文，可用：{string.Join("、", Enum.GetValues<DocumentKind>().Select(k => k.Slug()))}。");
            }
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            var c = await FindCaseAsync(db, parse.GetValue(caseOption)!, parse.GetValue(bureauOption), ct);
            var rendered = await scope.ServiceProvider.GetRequiredService<CaseDocumentService>()
                .RenderDocxAsync(c, kind, parse.GetValue(instanceOption), Actor.System("命令行"), ct);
            var bytes = format == "pdf"
                ? await new PdfConverter(configuration["Documents:LibreOffice"]).ConvertAsync(rendered.Content, ct)
                : rendered.Content;
            var file = parse.GetValue(outOption)!;
            file.Directory?.Create();
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            output.WriteLine($"{kind.Chinese()}{(rendered.Number is { } n ? $"（{n}）" : "")} → {file.FullName}（{bytes.Length} 字节）");
            return 0;
        }));
        documents.Subcommands.Add(kinds);
        documents.Subcommands.Add(render);
        return documents;
    }

    private static Option<string?> BureauOption() =>
        new("--bureau") { Description = "案件所属的局（局代码，例如 qh）；只有一个局有该编号的案件时可不填" };

    /// <summary>A case by its number (numbers are per bureau), the context scoped to the case's bureau so commands write to its chain.</summary>
    private static async Task<Case> FindCaseAsync(SafeHarborDb db, string numberText, string? bureauCode, CancellationToken ct)
    {
        var number = numberText.Trim();
        var found = await db.Cases.AsNoTracking().Where(x => x.Number == number)
            .Join(db.Bureaus, c => c.BureauId, b => b.Id, (c, b) => new { Case = c, b.Code })
            .Where(x => bureauCode == null || x.Code == bureauCode).ToListAsync(ct);
        if (found.Count == 0)
        {
            throw new ArgumentException($"没有编号为 {number} 的案件{(bureauCode is null ? "" : $"（局代码 {bureauCode}）")}。");
        }
        if (found.Count > 1)
        {
            throw new ArgumentException($"编号为 {number} 的案件不止一件（{string.Join("、", found.Select(x => x.Code))}），请用 --bureau 指明是哪个局的。");
        }
        db.ScopeTo(found[0].Case.BureauId);
        return found[0].Case;
    }

    private static Command ArchiveCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var archive = new Command("archive", "归档包（存档备案案件的全部公文、证明材料、清单及哈希）");

        var caseOption = new Option<string>("--case") { Description = "案件编号，例如 2026-0001（须已存档备案）", Required = true };
        var outOption = new Option<FileInfo>("--out") { Description = "输出的 ZIP 文件", Required = true };
        var bureauOption = BureauOption();
        var export = new Command("export", "导出一件已存档备案案件的归档包（ZIP）") { caseOption, bureauOption, outOption };
        export.SetAction((parse, ct) => GuardAsync(error, async () =>
        {
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var services = ArchivePackageServices.From(scope.ServiceProvider);
            var caseId = (await FindCaseAsync(services.Db, parse.GetValue(caseOption)!, parse.GetValue(bureauOption), ct)).Id;
            var file = parse.GetValue(outOption)!;
            // Written beside the target and moved into place only when complete: a refused export leaves no file.
            var partial = file.FullName + ".partial";
            try
            {
                file.Directory?.Create();
                ExportArchivePackage.Exported exported;
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
                {
                    exported = await ExportArchivePackage.ExportAsync(caseId, Actor.System("命令行") with { SeesAllCases = true },
                        $"命令行（{Environment.UserName}）", stream, services, ct);
                }
                File.Move(partial, file.FullName, overwrite: true);
                output.WriteLine($"归档包 {exported.ArchiveNumber}（案件 {exported.CaseNumber}，{exported.FileCount} 个文件） → {file.FullName}（{new FileInfo(file.FullName).Length} 字节）");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"无法写入 {file.FullName}：{e.Message}");
            }
            finally
            {
                File.Delete(partial);
            }
        }));

        var packageArgument = new Argument<FileInfo>("package") { Description = "归档包 ZIP 文件" };
        var publicKeyOption = new Option<string?>("--public-key") { Description = "清单应由这把 SM2 公钥（十六进制）签名；不填时用本机的系统密钥（Audit:SigningKeyPath），本机没有时只校验签名并写明密钥指纹" };
        var verify = new Command("verify",
            "校验清单的 SM2 签名（写明签名密钥的指纹），重算归档包中每个文件的 SHA-256 和 SM3 并与清单比对；完整时退出码为 0，否则逐一列出签名问题和内容被修改、缺失或多出的文件并以 1 退出")
        {
            packageArgument, publicKeyOption,
        };
        verify.SetAction(parse => Guard(error, () =>
        {
            var file = parse.GetValue(packageArgument)!;
            var keyPath = AuditOptions.From(configuration).SigningKeyPath;
            var (expected, whose) = parse.GetValue(publicKeyOption) is { } given
                ? (given.Trim(), "指定的密钥")
                : SigningKeyFile.Exists(keyPath) ? (SigningKeyFile.Load(keyPath).PublicKeyHex, "本系统的密钥") : ((string?)null, null);
            ArchivePackageVerification result;
            try
            {
                using var stream = file.OpenRead();
                result = VerifyArchivePackage.Verify(stream, expected);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException(file.Exists ? $"无法读取 {file.FullName}：{e.Message}" : $"找不到文件 {file.FullName}。");
            }
            if (result.IsUnreadable)
            {
                error.WriteLine(result.Problems[0].Message);
                return 2;
            }
            if (result.ArchiveNumber is not null)
            {
                output.WriteLine($"档号 {result.ArchiveNumber}，案件 {result.CaseNumber}");
            }
            if (result.SignerFingerprint is { } fingerprint)
            {
                output.WriteLine(whose is null
                    ? $"清单签名有效：SM2 密钥指纹 {fingerprint}（本机没有系统密钥，请与本单位公布的公钥指纹核对，或用 --public-key 指定）。"
                    : $"清单签名有效：SM2 密钥指纹 {fingerprint}（{whose}）。");
            }
            var report = result.IsIntact ? output : error;
            foreach (var problem in result.Problems)
            {
                report.WriteLine(problem.Message);
            }
            report.WriteLine(result.Summary);
            return result.IsIntact ? 0 : 1;
        }));

        archive.Subcommands.Add(export);
        archive.Subcommands.Add(verify);
        return archive;
    }

    private static Command AdminCommand(TextReader input, TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var admin = new Command("admin", "账号");
        var userOption = new Option<string>("--user") { Description = "用户名（登录名）", Required = true };
        var nameOption = new Option<string>("--name") { Description = "显示名称，例如 系统管理员", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（第一行），供脚本使用；省略时在终端输入两次，不回显" };
        var bureauCode = new Option<string>("--bureau-code") { Description = "第一个局（市局）的局代码，2–30 个小写字母、数字或连字符，例如 xy", Required = true };
        var bureauName = new Option<string>("--bureau-name") { Description = "局名称，例如 信阳市市场监督管理局", Required = true };
        var bureauShortName = new Option<string>("--bureau-short-name") { Description = "发文机关代字，例如 信市监", Required = true };
        var create = new Command("create", "新安装：在没有任何账号的数据库中创建第一个局（市局）及其系统管理员（之后的单位、人员、账号和县区局由系统管理员在网页上新增）")
        {
            userOption, nameOption, passwordStdin, bureauCode, bureauName, bureauShortName,
        };
        create.SetAction((parse, ct) => GuardAsync(error, async () =>
        {
            var password = parse.GetValue(passwordStdin) ? input.ReadLine() : PromptPassword(error);
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                throw new ArgumentException("数据库尚未创建或不是最新结构，请先运行 migrate。");
            }
            try
            {
                var created = await CreateFirstAdministrator.HandleAsync(
                    new CreateFirstAdministrator.Request(parse.GetValue(userOption), parse.GetValue(nameOption), password,
                        parse.GetValue(bureauCode), parse.GetValue(bureauName), parse.GetValue(bureauShortName)),
                    CreateFirstAdministrator.ByCommandLine, db,
                    scope.ServiceProvider.GetRequiredService<CommandRunner>(),
                    scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), ct);
                output.WriteLine($"已创建第一位系统管理员“{created.UserName}”（{created.DisplayName}）。请用该账号登录，建立单位、人员和其他账号。");
                return 0;
            }
            catch (DomainException e) when (e.Errors is { Count: > 0 } errors)
            {
                // Every field that is wrong, not only the first.
                throw new ArgumentException(string.Join("\n", errors.SelectMany(x => x.Value)));
            }
        }));
        admin.Subcommands.Add(create);
        return admin;
    }

    private static Command BackupCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var outOption = new Option<FileInfo>("--out") { Description = "备份文件（ZIP，仅属主可读写）", Required = true };
        var filesOnly = new Option<bool>("--files-only")
        {
            Description = "只备份数据库之外的内容（文件目录、审计签名密钥、检查点）；PostgreSQL 必须加此项，数据库用 pg_dump 备份",
        };
        var backup = new Command("backup", "在线备份：SQLite 数据库（应用运行时也一致）、证明材料和公文文件、审计签名密钥和检查点，附每个文件 SM3 的清单；PostgreSQL 见 --files-only")
        {
            outOption, filesOnly,
        };
        backup.SetAction((parse, ct) => GuardAsync(error, async () =>
        {
            await using var app = BuildServices(configuration);
            return await Backup.CreateAsync(app.Services, configuration, parse.GetValue(outOption)!, parse.GetValue(filesOnly), output, error, ct);
        }));
        return backup;
    }

    private static Command RestoreCommand(TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "backup 生成的备份文件" };
        var force = new Option<bool>("--force") { Description = "目标数据库、文件目录、密钥或检查点已有内容时仍覆盖" };
        var restore = new Command("restore", "核对备份清单的 SM3 后恢复到当前配置的位置（须先停止应用），再校验每个局的审计链并列出数量；目标已有数据时不覆盖，除非加 --force")
        {
            fileArgument, force,
        };
        restore.SetAction((parse, ct) => GuardAsync(error, () =>
            Backup.RestoreAsync(() => BuildServices(configuration), configuration, parse.GetValue(fileArgument)!, parse.GetValue(force), output, error, ct)));
        return restore;
    }

    /// <summary>Asks twice on the terminal without echo; standard input redirected reads one line instead.</summary>
    private static string? PromptPassword(TextWriter error)
    {
        if (Console.IsInputRedirected)
        {
            throw new ArgumentException("标准输入不是终端：请加 --password-stdin 并从标准输入提供密码。");
        }
        string Read(string prompt)
        {
            error.Write(prompt);
            var text = new System.Text.StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    error.WriteLine();
                    return text.ToString();
                }
                if (key.Key == ConsoleKey.Backspace)
                {
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    text.Append(key.KeyChar);
                }
            }
        }
        var first = Read("密码：");
        if (Read("再次输入密码：") != first)
        {
            throw new ArgumentException("两次输入的密码不一致。");
        }
        return first;
    }

    private static Command DatabaseCommand(string name, string description, TextWriter output, TextWriter error, IConfiguration configuration, bool seed)
    {
        var command = new Command(name, description);
        command.SetAction((_, ct) => GuardAsync(error, async () =>
        {
            await using var app = BuildServices(configuration);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            await DatabaseSetup.MigrateAsync(db, ct);
            output.WriteLine($"数据库已是最新结构（{DatabaseSetup.ProviderFrom(configuration)}）。");
            if (seed)
            {
                var seeded = await DemoData.SeedAsync(scope.ServiceProvider, ct);
                output.WriteLine(seeded ? "已写入演示数据。" : "数据库中已有数据，未写入演示数据。");
                if (seeded)
                {
                    DemoData.PrintAccounts(output);
                }
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The web app's services without its server, over the same configuration sources.</summary>
    private static WebApplication BuildServices(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSafeHarborCore();
        return builder.Build();
    }

    /// <summary>
    /// As the web app sees it: the shipped notices and those added on /Admin/Calendar, read from the database
    /// when one is configured (or the default SQLite file exists); a broken added notice or an unreachable
    /// database is said on standard error and the shipped notices count alone.
    /// </summary>
    private static WorkingDayCalendar LoadCalendar(IConfiguration configuration, TextWriter error)
    {
        var source = CalendarSource.Open(configuration["Calendar:Directory"]);
        if (!string.IsNullOrWhiteSpace(configuration["Database:ConnectionString"])
            || (DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite && File.Exists(DatabaseSetup.DefaultSqlitePath)))
        {
            try
            {
                using var app = BuildServices(configuration);
                using var scope = app.Services.CreateScope();
                CalendarNotices.RefreshAsync(scope.ServiceProvider.GetRequiredService<SafeHarborDb>(), source, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error.WriteLine($"未能从数据库读取录入的节假日安排（{e.Message}），仅按随程序发布的节假日安排计算。");
            }
        }
        if (source.Problem is { } problem)
        {
            error.WriteLine(problem);
        }
        return source.Current;
    }

    private static PolicyCatalog LoadPolicies(IConfiguration configuration) =>
        PolicyCatalog.LoadFrom(configuration["Policy:Directory"] is { Length: > 0 } dir ? dir : PolicyCatalog.DefaultDirectory);

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException($"“{text}”不是 YYYY-MM-DD 格式的日期。");

    /// <summary>
    /// The year whose missing notice made a count over (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]
    /// provisional: a year of the range, or the next one, whose notice may still reach back into late December.
    /// </summary>
    private static int FirstYearWithoutNotice(WorkingDayCalendar calendar, DateOnly fromExclusive, DateOnly toInclusive) =>
        Enumerable.Range(fromExclusive.AddDays(1).Year, toInclusive.Year - fromExclusive.AddDays(1).Year + 2).First(y => !calendar.Covers(y));

    /// <summary>Known failures print one Chinese line and exit non-zero; nothing prints a stack trace.</summary>
    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is CalendarNotPublishedException or CalendarDataException or PolicyLoadException or DomainException or ArgumentException)
        {
            error.WriteLine(e.Message);
            return e is CalendarNotPublishedException ? 3 : 2;
        }
    }

    private static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is CalendarNotPublishedException or PolicyLoadException or DomainException or ArgumentException or InvalidOperationException
            or DocumentUnavailableException or TemplateException or PdfUnavailableException)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (System.Data.Common.DbException e)
        {
            error.WriteLine($"数据库访问失败：{e.Message}。请确认数据库配置（Database__Provider、Database__ConnectionString）正确，并已运行 migrate。");
            return 2;
        }
    }
}
