using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace ComplaintDesk.Data.Bulk;

/// <summary>
/// Inserts many rows of one entity type with one prepared command, its columns read from the EF model (so
/// it follows the model as it changes). For the data generator, and for registrations on SQLite, where a group of
/// complaints is written in one transaction (no SQL generated and no change tracking per row).
/// </summary>
/// <remarks>
/// Column values are read through compiled getters (no reflection per row). On SQLite rows are
/// encoded into a <see cref="RowBuffer"/> (EF's converters applied, values as SQLite stores them, <see cref="DateTime"/>
/// as Microsoft.Data.Sqlite writes it) and bound by position straight to the prepared statement: ADO.NET looks every
/// parameter up by name on every execution, which was most of the generator's writing time. Encoding and inserting
/// can run on two threads (<see cref="Encode"/>, <see cref="InsertNext"/>).
/// </remarks>
public sealed class BulkTableWriter<T> : IDisposable
{
    private static readonly HashSet<Type> _directTypes =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(sbyte), typeof(ushort), typeof(uint),
        typeof(bool), typeof(double), typeof(float), typeof(DateTime),
    ];

    private readonly DbCommand _command;
    private readonly List<(string Column, Func<T, object?> Value)> _columns = [];
    private readonly List<Action<T, RowBuffer>> _encoders = [];
    private readonly RowBuffer _single = new();
    private readonly SqliteConnection? _direct;
    private sqlite3_stmt? _statement;

    /// <param name="overrides">Columns whose value the caller supplies (e.g. the key, a foreign key with a private setter).</param>
    public BulkTableWriter(
        DbContext db, DbConnection connection, IReadOnlyDictionary<string, Func<T, object?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        overrides ??= new Dictionary<string, Func<T, object?>>();
        var direct = connection is SqliteConnection;
        var entity = Expression.Parameter(typeof(T), "entity");
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName();
            if (overrides.TryGetValue(column, out var supplied))
            {
                _columns.Add((column, supplied));
                _encoders.Add((e, buffer) => buffer.AddObject(supplied(e)));
                direct &= IsDirect(property);
                continue;
            }

            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never)
            {
                continue;
            }

            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} has no CLR property.");
            var converter = property.GetTypeMapping().Converter;
            _columns.Add((column, Getter(Expression.Property(entity, info), entity, converter)));
            _encoders.Add(Encoder(Expression.Property(entity, info), entity, converter, _columns[^1].Value));
            direct &= IsDirect(property);
        }

        // A complex property's columns are named in the table (Referral_TicketNumber), not by the property alone.
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)!.Value;
        foreach (var complex in entityType.GetComplexProperties())
        {
            var complexInfo = complex.PropertyInfo!;
            var owner = Expression.Property(entity, complexInfo);
            foreach (var property in complex.ComplexType.GetProperties())
            {
                Expression access = Expression.Property(owner, property.PropertyInfo!);
                if (complex.IsNullable)
                {
                    // An optional complex property (e.g. a complaint's referral): every column null when it is absent.
                    var type = access.Type.IsValueType && Nullable.GetUnderlyingType(access.Type) is null
                        ? typeof(Nullable<>).MakeGenericType(access.Type)
                        : access.Type;
                    access = Expression.Condition(
                        Expression.Equal(owner, Expression.Constant(null, owner.Type)), Expression.Default(type), Expression.Convert(access, type));
                }

                var converter = property.GetTypeMapping().Converter;
                _columns.Add((property.GetColumnName(table)!, Getter(access, entity, converter)));
                _encoders.Add(Encoder(access, entity, converter, _columns[^1].Value));
                direct &= IsDirect(property);
            }
        }

        _command = connection.CreateCommand();
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        var parameters = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({parameters})";
        for (var i = 0; i < _columns.Count; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
        }

        _direct = direct ? (SqliteConnection)connection : null;
    }

    public DbTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Insert(T entity)
    {
        if (_direct is not null)
        {
            _single.Clear();
            Encode(entity, _single);
            InsertNext(_single);
            return;
        }

        for (var i = 0; i < _columns.Count; i++)
        {
            _command.Parameters[i].Value = _columns[i].Value(entity) ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    /// <summary>
    /// SQLite: inserts the row through the prepared statement and answers its rowid (the generated key of
    /// an INTEGER PRIMARY KEY table), read from the connection right after the insert.
    /// </summary>
    public long InsertAndGetRowId(T entity)
    {
        var handle = _direct?.Handle ?? throw new InvalidOperationException("Rowids are read on SQLite's direct path only.");
        Insert(entity);
        return raw.sqlite3_last_insert_rowid(handle);
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _command.Dispose();
    }

    private static bool IsDirect(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return _directTypes.Contains(type) || type.IsEnum;
    }

    private static Func<T, object?> Getter(Expression access, ParameterExpression entity, ValueConverter? converter)
    {
        var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(access, typeof(object)), entity).Compile();
        if (converter is null)
        {
            return read;
        }

        var toProvider = converter.ConvertToProvider;
        return e => read(e) is { } value ? toProvider(value) : null;
    }

    /// <summary>Whether <see cref="Encode"/> and <see cref="InsertNext"/> can be used (SQLite).</summary>
    public bool CanEncode => _direct is not null;

    /// <summary>Appends the row's column values to the buffer (any thread; the buffer is the caller's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Encode(T entity, RowBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        foreach (var encoder in _encoders)
        {
            encoder(entity, buffer);
        }
    }

    /// <summary>Inserts the next row encoded in the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void InsertNext(RowBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var handle = _direct?.Handle ?? throw new InvalidOperationException("Encoded rows are for SQLite only.");
        if (_statement is null)
        {
            Check(handle, raw.sqlite3_prepare_v2(handle, _command.CommandText, out var prepared));
            _statement = prepared;
        }

        Check(handle, buffer.BindNext(_statement, _encoders.Count));
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(handle, rc);
        }
    }

    /// <summary>
    /// A compiled encoder for one column: reads the property, applies the EF converter's expression and appends the
    /// provider value with the typed call (no boxing). Falls back to the boxed getter where the shapes do not match.
    /// </summary>
    private static Action<T, RowBuffer> Encoder(Expression access, ParameterExpression entity, ValueConverter? converter, Func<T, object?> boxed)
    {
        var buffer = Expression.Parameter(typeof(RowBuffer), "buffer");
        var underlying = Nullable.GetUnderlyingType(access.Type);
        var value = underlying is null ? access : Expression.Property(access, "Value");
        if (converter is not null)
        {
            if (converter.ModelClrType != value.Type)
            {
                return (e, b) => b.AddObject(boxed(e));
            }

            value = ReplacingExpressionVisitor.Replace(converter.ConvertToProviderExpression.Parameters[0], value, converter.ConvertToProviderExpression.Body);
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                return (e, b) => b.AddObject(boxed(e));
            }
        }

        var type = value.Type.IsEnum ? Enum.GetUnderlyingType(value.Type) : value.Type;
        Expression? add = type switch
        {
            _ when type == typeof(string) => Add(buffer, nameof(RowBuffer.AddText), value),
            _ when type == typeof(DateTime) => Add(buffer, nameof(RowBuffer.AddDateTime), value),
            _ when type == typeof(bool) => Add(buffer, nameof(RowBuffer.AddInteger), Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L))),
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) =>
                Add(buffer, nameof(RowBuffer.AddInteger), Expression.Convert(Expression.Convert(value, type), typeof(long))),
            _ when type == typeof(double) || type == typeof(float) => Add(buffer, nameof(RowBuffer.AddReal), Expression.Convert(value, typeof(double))),
            _ => null,
        };
        if (add is null)
        {
            return (e, b) => b.AddObject(boxed(e));
        }

        if (underlying is not null || !access.Type.IsValueType)
        {
            var isNull = underlying is not null ? (Expression)Expression.Not(Expression.Property(access, "HasValue")) : Expression.Equal(access, Expression.Constant(null, access.Type));
            add = Expression.IfThenElse(isNull, Add(buffer, nameof(RowBuffer.AddNull)), add);
        }

        return Expression.Lambda<Action<T, RowBuffer>>(add, entity, buffer).Compile();
    }

    private static MethodCallExpression Add(ParameterExpression buffer, string name, params Expression[] arguments) =>
        Expression.Call(buffer, typeof(RowBuffer).GetMethod(name, [.. arguments.Select(a => a.Type)])!, arguments);

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
        }
    }
}
