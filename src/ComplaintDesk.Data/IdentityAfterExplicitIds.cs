using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>
/// After rows were written with explicit ids (the data generator's bulk load): PostgreSQL's identity sequence does not
/// move past ids it did not hand out, so the next insert through EF Core would take an id already used. SQLite
/// takes the largest id plus one by itself.
/// </summary>
public static class IdentityAfterExplicitIds
{
    /// <summary>Moves the identity sequence of <typeparamref name="T"/>'s key past its largest id (PostgreSQL only).</summary>
    public static async Task AdvanceAsync<T>(DbContext context, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Database.IsNpgsql())
        {
            return;
        }

        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entityType.GetTableName();
        var key = entityType.FindPrimaryKey()!.Properties.Single().GetColumnName();
        // Names from the model, no input: nothing to inject.
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), GREATEST((SELECT MAX(\"{key}\") FROM \"{table}\"), 1))";
        await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
