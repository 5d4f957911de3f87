using System.Diagnostics;
using System.Globalization;
using ComplaintDesk.Benchmarks;

// Timing harness for the monthly report (docs/performance.md):
//   dotnet run -c Release --project tests/ComplaintDesk.Benchmarks -- --count 1000000 --db /tmp/report-1m.db
// Generates N complaints over 36 months into a SQLite file with the app's DataGenerator (once; reused while the count
// matches), then times the report of the last month: computed from nothing, from its snapshots, after a change to the
// month, and each query alone, and prints the query plans.
var options = HarnessOptions.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ComplaintDesk report harness: {options.Count:N0} complaints over 36 months, report month {options.Month}, db {options.DatabasePath}"));
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

var seedWatch = Stopwatch.StartNew();
var seeded = await Database.EnsureAsync(options);
Console.WriteLine(seeded
    ? string.Create(CultureInfo.InvariantCulture, $"Database ready in {seedWatch.Elapsed.TotalSeconds:F1} s")
    : "Reusing the generated database");

await ReportTimer.RunAsync(options);
