using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ComplaintDesk.Data;

/// <summary>
/// Stores <see cref="DateTime"/> as UTC and reads it back with <see cref="DateTimeKind.Utc"/>. Every instant of the
/// model is UTC, so an unspecified kind is UTC too: it is written marked as such, which PostgreSQL's
/// <c>timestamp with time zone</c> demands (Npgsql refuses other kinds); SQLite and SQL Server store the same value.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>The nullable form of <see cref="UtcDateTimeConverter"/>.</summary>
public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue ? v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime() : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v,
    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
