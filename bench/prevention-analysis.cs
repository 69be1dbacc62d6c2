#:project ../src/SafeHarbor/SafeHarbor.csproj
#:property PublishAot=false
// The prevention analysis (Art. 9) is computed in memory over every registered matter on each request to
// /Prevention and the dashboard. This measures it over a bureau with many years of matters.
// Usage: dotnet run bench/prevention-analysis.cs -c Release -- [CASES]
using System.Diagnostics;
using SafeHarbor.Features.Prevention;
using SafeHarbor.Cases;

var count = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var random = new Random(131);
var fields = BusinessFields.All.ToArray();
var kinds = ErrorKinds.All.ToArray();
var units = Enumerable.Range(1, 40).Select(i => new PreventionUnit(Guid.NewGuid(), $"单位{i:00}")).ToArray();
var today = new DateOnly(2026, 11, 26);
var cases = Enumerable.Range(1, count).Select(i => new PreventionCase(
        Guid.NewGuid(), $"{2021 + i % 6}-{i:0000}", $"问责事项{i}", fields[random.Next(fields.Length)],
        random.Next(10) == 0 ? null : kinds[random.Next(kinds.Length)],
        today.AddDays(-random.Next(5 * 365)),
        [units[random.Next(units.Length)], units[random.Next(units.Length)]]))
    .ToList();
PreventionThreshold Threshold(PreventionDimension d, string? value, int n, int months) => new() { Id = Guid.NewGuid(), Dimension = d, Value = value, Count = n, Months = months };
var thresholds = new List<PreventionThreshold>
{
    Threshold(PreventionDimension.BusinessField, null, 3, 12),
    Threshold(PreventionDimension.Unit, null, 5, 6),
    Threshold(PreventionDimension.ErrorKind, null, 3, 12),
    Threshold(PreventionDimension.FieldAndKind, null, 2, 12),
    Threshold(PreventionDimension.BusinessField, fields[0], 2, 24),
};

PreventionAnalysis.Compute(cases, thresholds, today); // warm-up (JIT)
var times = new List<double>();
PreventionAnalysisResult? result = null;
for (var i = 0; i < 10; i++)
{
    var watch = Stopwatch.StartNew();
    result = PreventionAnalysis.Compute(cases, thresholds, today, grouping: PeriodGrouping.Month);
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine($"prevention analysis: {count} matters, {thresholds.Count} thresholds, {result!.Flags.Count} flags: median {times[times.Count / 2]:0.0} ms, best {times[0]:0.0} ms (10 runs)");
