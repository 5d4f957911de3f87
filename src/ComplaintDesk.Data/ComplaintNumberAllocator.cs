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
    public async Task<string> NextAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        (await NextAsync(month, 1, cancellationToken))[0];

    /// <summary>
    /// <paramref name="count"/> consecutive numbers of the month in two statements (one increment by the count, one read):
    /// a batch of registrations written in one transaction takes its numbers at once.
    /// </summary>
    public async Task<IReadOnlyList<string>> NextAsync(YearMonth month, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var key = month.Compact;
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.MonthlySequences
                .Where(s => s.Month == key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + count), cancellationToken);
            if (updated == 0)
            {
                try
                {
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO MonthlySequences (Month, LastValue) VALUES ({key}, {count})", cancellationToken);
                    return Range(month, 1, count);
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

            var last = await db.MonthlySequences.Where(s => s.Month == key).Select(s => s.LastValue).SingleAsync(cancellationToken);
            return Range(month, last - count + 1, count);
        }
    }

    private static string[] Range(YearMonth month, int first, int count)
    {
        var numbers = new string[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = ComplaintNumber.Format(month, first + i);
        }

        return numbers;
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex.GetType().Name is "SqliteException" or "SqlException"
        && (ex.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
