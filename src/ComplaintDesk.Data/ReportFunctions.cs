using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>
/// Database functions the monthly report needs and EF Core does not map: SQLite cannot subtract two
/// instants, so durations are computed from Julian days there (SQL Server uses DATEDIFF).
/// </summary>
public static class ReportFunctions
{
    /// <summary>SQLite <c>julianday(value)</c>: days since noon, 24 November 4714 BC; usable in queries only.</summary>
    public static double? JulianDay(DateTime? value) =>
        throw new InvalidOperationException($"{nameof(JulianDay)} runs only inside a SQLite query.");

    public static void Map(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasDbFunction(typeof(ReportFunctions).GetMethod(nameof(JulianDay))!).HasName("julianday").IsBuiltIn();
    }
}
