using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintDesk.Web.Api;

/// <summary>
/// Enums in the API are their names exactly as documented (e.g. "ManagementService"): no numbers, no comma lists,
/// no other case. <see cref="JsonStringEnumConverter"/> reads names case-insensitively and accepts "A, B".
/// </summary>
public static class EnumNames
{
    public static bool IsName<T>(string? value)
        where T : struct, Enum =>
        value is not null && Array.IndexOf(Enum.GetNames<T>(), value) >= 0;

    public static string Allowed(Type enumType) => string.Join("、", Enum.GetNames(enumType));

    public static string Message(string name, Type enumType) => $"参数 {name} 的取值无效，可选：{Allowed(enumType)}（区分大小写）。";
}

/// <summary>An enum value that is not one of the names; the message lists them.</summary>
public sealed class EnumNameException(Type enumType)
    : JsonException($"取值无效，可选：{EnumNames.Allowed(enumType)}（区分大小写）。")
{
    public Type EnumType { get; } = enumType;
}

/// <summary>Reads and writes every enum by its exact name.</summary>
public sealed class EnumNameConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(EnumNameConverter<>).MakeGenericType(typeToConvert));

    private sealed class EnumNameConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return text is not null && EnumNames.IsName<T>(text) ? Enum.Parse<T>(text) : throw new EnumNameException(typeof(T));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString());
        }
    }
}
