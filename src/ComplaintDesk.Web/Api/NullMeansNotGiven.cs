using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ComplaintDesk.Web.Api;

/// <summary>
/// A JSON <c>null</c> on an optional yes/no or number field of a request means "not given": the field keeps its default
/// (<c>false</c>, or 1 for the complainant count and the times raised). Clients generated from docs/openapi.json send
/// <c>null</c> for every optional field the caller left out; refusing those would make a generated client unusable.
/// </summary>
public static class NullMeansNotGiven
{
    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier for the API's request types.</summary>
    public static void Modify(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.CreateObject is null || typeInfo.Type.Namespace?.StartsWith("ComplaintDesk.", StringComparison.Ordinal) != true)
        {
            return;
        }

        object? blank = null;
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is null || property.Set is null || property.CustomConverter is not null)
            {
                continue;
            }

            if (property.PropertyType == typeof(bool))
            {
                blank ??= typeInfo.CreateObject();
                property.CustomConverter = new NullAsDefault<bool>((bool)property.Get(blank)!);
            }
            else if (property.PropertyType == typeof(int))
            {
                blank ??= typeInfo.CreateObject();
                property.CustomConverter = new NullAsDefault<int>((int)property.Get(blank)!);
            }
        }
    }

    private sealed class NullAsDefault<T>(T whenNull) : JsonConverter<T>
        where T : struct
    {
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? whenNull : Inner(options).Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            Inner(options).Write(writer, value, options);

        private static JsonConverter<T> Inner(JsonSerializerOptions options) => (JsonConverter<T>)options.GetConverter(typeof(T));
    }
}
