using ComplaintDesk.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>
/// Gives out the next number of a local month. Call it inside the transaction that inserts the complaint:
/// the conditional increment locks the month's row, so concurrent registrations never share a number and
/// a rolled-back registration gives its number back.
/// </summary>
public sealed class ComplaintNumberAllocator(ComplaintDeskDbContext db)
{
    public async Task<string> NextAsync(YearMonth month, CancellationToken cancellationToken = default)
    {
        var key = month.Compact;
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.MonthlySequences
                .Where(s => s.Month == key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + 1), cancellationToken);
            if (updated == 0)
            {
                try
                {
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO MonthlySequences (Month, LastValue) VALUES ({key}, 1)", cancellationToken);
                    return ComplaintNumber.Format(month, 1);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    continue;
                }
                catch (Exception ex) when (attempt < 3 && IsUniqueViolation(ex))
                {
                    continue;
                }
            }

            var value = await db.MonthlySequences.Where(s => s.Month == key).Select(s => s.LastValue).SingleAsync(cancellationToken);
            return ComplaintNumber.Format(month, value);
        }
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex.GetType().Name is "SqliteException" or "SqlException"
        && (ex.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
