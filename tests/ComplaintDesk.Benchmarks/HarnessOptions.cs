using System.Globalization;
using ComplaintDesk.Domain.Calendar;

namespace ComplaintDesk.Benchmarks;

public sealed record HarnessOptions(int Count, string DatabasePath, YearMonth Month, int Runs, bool Plans)
{
    public static HarnessOptions Parse(string[] args)
    {
        var count = 200_000;
        var path = Path.Combine(Path.GetTempPath(), "complaintdesk-report-bench.db");
        var month = new YearMonth(2026, 10);
        var runs = 7;
        var plans = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--db":
                    path = args[++i];
                    break;
                case "--month":
                    month = YearMonth.TryParse(args[++i], out var m) ? m : throw new ArgumentException("--month yyyy-MM");
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--no-plans":
                    plans = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. Use --count N --db PATH --month yyyy-MM --runs N --no-plans");
            }
        }

        return new HarnessOptions(count, path, month, runs, plans);
    }

    /// <summary>The 36 months seeded end with the report month.</summary>
    public YearMonth FirstMonth => Month.AddMonths(-35);
}
