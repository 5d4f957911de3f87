using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ComplaintDesk.Web.Infrastructure.Text;

/// <summary>Every string a page binds (form, query, route) goes through <see cref="TextInput.Clean"/>.</summary>
public sealed class TextInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string) || context.BindingInfo.BindingSource == BindingSource.Body)
        {
            return null;
        }

        return new TextInputModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }

    private sealed class TextInputModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text)
            {
                var clean = TextInput.Clean(text);
                if (!ReferenceEquals(clean, text))
                {
                    bindingContext.Result = ModelBindingResult.Success(clean);
                }
            }
        }
    }
}

/// <summary>Every string the API reads from JSON goes through <see cref="TextInput.Clean"/>; writing is unchanged.</summary>
public sealed class TextInputJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? TextInput.Clean(reader.GetString())
            : throw new JsonException("Expected a string.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
