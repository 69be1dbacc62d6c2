using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SafeHarbor.Infrastructure.Telemetry;

/// <summary>
/// The application's own meter, <c>SafeHarbor</c>: commands run and refused, and what features add
/// (the PDF queue). Made through <see cref="IMeterFactory"/>, so each host (and each test app) has its own.
/// </summary>
public sealed class SafeHarborMetrics
{
    public const string MeterName = "SafeHarbor";

    private static readonly ConcurrentDictionary<MethodInfo, string> CommandNames = new();

    private readonly Counter<long> commands;
    private readonly Counter<long> failures;

    public SafeHarborMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        commands = Meter.CreateCounter<long>("safeharbor.commands", "{command}", "Commands (use cases) run, by command");
        failures = Meter.CreateCounter<long>("safeharbor.command.failures", "{command}",
            "Commands refused or failed, by command and error code (DomainException.Code)");
    }

    public Meter Meter { get; }

    /// <summary>A command started; <paramref name="body"/> is the lambda its use case gave the command runner.</summary>
    public void CommandRan(Delegate body) => commands.Add(1, new KeyValuePair<string, object?>("command", CommandName(body)));

    /// <summary>
    /// Counts a command that ended in <paramref name="e"/>. Answers false so it can sit in an exception filter
    /// (<c>catch (Exception e) when (metrics.CommandFailed(body, e))</c>) without catching anything.
    /// </summary>
    public bool CommandFailed(Delegate body, Exception e)
    {
        var code = e switch
        {
            DomainException domain => domain.Code,
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "concurrency-conflict",
            OperationCanceledException => "cancelled",
            _ => "unexpected",
        };
        failures.Add(1, new KeyValuePair<string, object?>("command", CommandName(body)), new KeyValuePair<string, object?>("code", code));
        return false;
    }

    /// <summary>
    /// The use case's name: one use case per file and class (ADR 12), and its lambda is compiled into a closure
    /// nested in that class, so the first declaring type the compiler did not make (CreateUser, AccountsModel).
    /// </summary>
    public static string CommandName(Delegate body) => CommandNames.GetOrAdd(body.Method, static method =>
    {
        var type = method.DeclaringType;
        while (type is { DeclaringType: not null } && (type.IsDefined(typeof(CompilerGeneratedAttribute), false) || type.Name.StartsWith('<')))
        {
            type = type.DeclaringType;
        }
        return type?.Name ?? "unknown";
    });
}
