using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ComplaintDesk.Web.Tools;

/// <summary>
/// Inserts many rows of one entity type with one prepared command, its columns read from the EF model (so
/// it follows the model as it changes). For the data generator, and for registrations on SQLite, where a group of
/// complaints is written in one transaction (no SQL generated and no change tracking per row).
/// </summary>
public sealed class BulkTableWriter<T> : IDisposable
{
    private readonly DbCommand _command;
    private readonly List<(string Column, Func<T, object?> Value)> _columns = [];

    /// <param name="overrides">Columns whose value the caller supplies (e.g. the key, a foreign key with a private setter).</param>
    /// <param name="returning">A column to read back from each inserted row (SQLite's <c>RETURNING</c>), e.g. the generated key.</param>
    public BulkTableWriter(
        DbContext db, DbConnection connection, IReadOnlyDictionary<string, Func<T, object?>>? overrides = null, string? returning = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        overrides ??= new Dictionary<string, Func<T, object?>>();
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName();
            if (overrides.TryGetValue(column, out var supplied))
            {
                _columns.Add((column, supplied));
                continue;
            }

            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never)
            {
                continue;
            }

            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} has no CLR property.");
            var converter = property.GetTypeMapping().Converter;
            _columns.Add((column, entity => Provider(converter, info.GetValue(entity))));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            var complexInfo = complex.PropertyInfo!;
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var info = property.PropertyInfo!;
                var converter = property.GetTypeMapping().Converter;
                _columns.Add((property.GetColumnName(), entity => Provider(converter, info.GetValue(complexInfo.GetValue(entity)))));
            }
        }

        _command = connection.CreateCommand();
        var table = entityType.GetTableName();
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        var parameters = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
        _command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({parameters})"
            + (returning is null ? string.Empty : $" RETURNING \"{returning}\"");
        for (var i = 0; i < _columns.Count; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
        }
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T entity)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            _command.Parameters[i].Value = _columns[i].Value(entity) ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    /// <summary>Inserts the row and answers the <c>returning</c> column's value.</summary>
    public async Task<object?> InsertReturningAsync(T entity, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            _command.Parameters[i].Value = _columns[i].Value(entity) ?? DBNull.Value;
        }

        return await _command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();

    private static object? Provider(Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter, object? value) =>
        value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
}
