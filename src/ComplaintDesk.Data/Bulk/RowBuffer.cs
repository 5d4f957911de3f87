using System.Runtime.CompilerServices;
using System.Text;
using SQLitePCL;

namespace ComplaintDesk.Data.Bulk;

/// <summary>
/// Column values of many rows, already in the form SQLite stores them (integers, reals, UTF-8 text), so that one
/// thread can prepare rows while another only binds them (<see cref="BulkTableWriter{T}.Encode"/>,
/// <see cref="BulkTableWriter{T}.InsertNext"/>). Reused: <see cref="Clear"/> keeps the arrays.
/// </summary>
public sealed class RowBuffer
{
    private const byte Null = 0;
    private const byte Integer = 1;
    private const byte Real = 2;
    private const byte Text = 3;

    private byte[] _kinds = new byte[4096];
    private long[] _values = new long[4096];
    private byte[] _text = new byte[64 * 1024];
    private int _count;
    private int _textLength;
    private int _read;

    public void Clear()
    {
        _count = 0;
        _textLength = 0;
        _read = 0;
    }

    public void AddNull() => Add(Null, 0);

    public void AddInteger(long value) => Add(Integer, value);

    public void AddReal(double value) => Add(Real, BitConverter.DoubleToInt64Bits(value));

    public void AddText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(start));
        _textLength = start + length;
        Add(Text, ((long)start << 32) | (uint)length);
    }

    /// <summary>The instant as Microsoft.Data.Sqlite writes it: <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (no trailing zeros).</summary>
    public void AddDateTime(DateTime value)
    {
        var start = Reserve(27);
        var utf8 = _text.AsSpan(start, 27);
        Digits(utf8[..4], value.Year);
        utf8[4] = (byte)'-';
        Digits(utf8.Slice(5, 2), value.Month);
        utf8[7] = (byte)'-';
        Digits(utf8.Slice(8, 2), value.Day);
        utf8[10] = (byte)' ';
        Digits(utf8.Slice(11, 2), value.Hour);
        utf8[13] = (byte)':';
        Digits(utf8.Slice(14, 2), value.Minute);
        utf8[16] = (byte)':';
        Digits(utf8.Slice(17, 2), value.Second);
        var length = 19;
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            utf8[19] = (byte)'.';
            Digits(utf8.Slice(20, 7), fraction);
            length = 27;
            while (utf8[length - 1] == (byte)'0')
            {
                length--;
            }
        }

        _textLength = start + length;
        Add(Text, ((long)start << 32) | (uint)length);
    }

    /// <summary>A value of any type the direct path supports (the caller's overrides).</summary>
    public void AddObject(object? value)
    {
        switch (value)
        {
            case null:
                AddNull();
                break;
            case string text:
                AddText(text);
                break;
            case DateTime instant:
                AddDateTime(instant);
                break;
            case bool flag:
                AddInteger(flag ? 1 : 0);
                break;
            case double real:
                AddReal(real);
                break;
            case float real:
                AddReal(real);
                break;
            case Enum or long or int or short or byte or sbyte or ushort or uint:
                AddInteger(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"{value.GetType().Name} cannot be bound directly.");
        }
    }

    /// <summary>Binds the next <paramref name="columns"/> values to parameters 1…n of the statement.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int BindNext(sqlite3_stmt statement, int columns)
    {
        for (var i = 1; i <= columns; i++)
        {
            var value = _values[_read];
            var rc = _kinds[_read++] switch
            {
                Integer => raw.sqlite3_bind_int64(statement, i, value),
                Text => raw.sqlite3_bind_text(statement, i, _text.AsSpan((int)(value >> 32), (int)(uint)value)),
                Real => raw.sqlite3_bind_double(statement, i, BitConverter.Int64BitsToDouble(value)),
                _ => raw.sqlite3_bind_null(statement, i),
            };
            if (rc != raw.SQLITE_OK)
            {
                return rc;
            }
        }

        return raw.SQLITE_OK;
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void Add(byte kind, long value)
    {
        if (_count == _kinds.Length)
        {
            Array.Resize(ref _kinds, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _kinds[_count] = kind;
        _values[_count++] = value;
    }

    private int Reserve(int bytes)
    {
        if (_textLength + bytes > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + bytes));
        }

        return _textLength;
    }
}
