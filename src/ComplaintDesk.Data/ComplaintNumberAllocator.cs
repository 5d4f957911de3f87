using ComplaintDesk.Data.Entities;
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
                    // 0 when another registration inserted the month's row meanwhile: increment it on the next turn.
                    var inserted = await InsertIfAbsent.KeyValueAsync(
                        db, "MonthlySequences", nameof(MonthlySequence.Month), nameof(MonthlySequence.LastValue), key, count, cancellationToken);
                    if (inserted == 1)
                    {
                        return Range(month, 1, count);
                    }

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

    /// <summary>SQL Server only (its insert-if-absent locks the key's range, so this is a last resort).</summary>
    private static bool IsUniqueViolation(Exception ex) =>
        ex.GetType().Name is "SqlException" or "DbUpdateException"
        && (ex.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
