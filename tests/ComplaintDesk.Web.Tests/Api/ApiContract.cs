using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>
/// docs/openapi.json as a contract: every API answer a test receives through <see cref="ApiTestClient"/> is checked
/// against the schema the document declares for its operation and status (JsonSchema.Net), with nullable, required
/// and additionalProperties as written, and the declared required headers must be there. A status the operation does
/// not list must still be ProblemDetails.
/// </summary>
public static class ApiContract
{
    private static readonly Lazy<JsonObject> _document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs", "openapi.json")))!.AsObject());

    private static readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Throws when <paramref name="response"/> breaks the document; the body stays readable.</summary>
    public static async Task CheckAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var operation = Operation(path, request.Method.Method.ToLowerInvariant());
        var declared = operation?["responses"]?[status];
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string where = $"{request.Method} {path} → {status}";
        if (declared is null)
        {
            if (response.StatusCode < HttpStatusCode.BadRequest)
            {
                throw new ContractException($"{where}: the document does not list this status.");
            }

            await CheckBodyAsync(where, response, "application/problem+json", Reference(response.StatusCode == HttpStatusCode.BadRequest
                ? "HttpValidationProblemDetails" : "ProblemDetails"));
            return;
        }

        foreach (var (name, header) in declared["headers"]?.AsObject() ?? [])
        {
            if (header?["required"]?.GetValue<bool>() == true && !response.Headers.Contains(name) && !response.Content.Headers.Contains(name))
            {
                throw new ContractException($"{where}: the declared header {name} is missing.");
            }
        }

        var content = declared["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return;
        }

        if (mediaType is null || content[mediaType] is not { } media)
        {
            // A download (application/octet-stream etc.) is declared with its own media type; anything else is a break.
            if (content.Any(c => c.Key.Contains("json", StringComparison.Ordinal)) && mediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                throw new ContractException($"{where}: answered {mediaType}, the document declares {string.Join(", ", content.Select(c => c.Key))}.");
            }

            return;
        }

        if (media["schema"] is { } schema)
        {
            await CheckBodyAsync(where, response, mediaType, schema);
        }
    }

    private static async Task CheckBodyAsync(string where, HttpResponseMessage response, string expectedMediaType, JsonNode schemaNode)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != expectedMediaType)
        {
            throw new ContractException($"{where}: answered {mediaType ?? "no content type"}, expected {expectedMediaType}.");
        }

        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        var schema = _schemas.GetOrAdd(schemaNode.ToJsonString(), _ => Compile(schemaNode));
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
            throw new ContractException($"{where}: the body breaks the document's schema:\n{string.Join("\n", errors)}\n{body}");
        }
    }

    private static JsonObject? Operation(string path, string method)
    {
        foreach (var (template, item) in _document.Value["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item?[method] is JsonObject operation)
            {
                return operation;
            }
        }

        return null;
    }

    private static JsonObject Reference(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    /// <summary>OpenAPI 3.0's schema dialect as JSON Schema 2020-12: nullable → a null alternative, refs into $defs.</summary>
    private static JsonSchema Compile(JsonNode schemaNode)
    {
        var root = Convert(schemaNode)!.AsObject();
        var defs = new JsonObject();
        foreach (var (name, definition) in _document.Value["components"]!["schemas"]!.AsObject())
        {
            defs[name] = Convert(definition);
        }

        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = defs;
        return JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri("https://complaintdesk.invalid/contract/" + Guid.NewGuid().ToString("N")));
    }

    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject source:
            {
                var target = new JsonObject();
                var nullable = false;
                foreach (var (key, value) in source)
                {
                    switch (key)
                    {
                        case "nullable":
                            nullable = value?.GetValue<bool>() == true;
                            break;
                        case "example" or "examples" or "description" or "format":
                            break;
                        case "$ref":
                            target[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                            break;
                        default:
                            target[key] = key == "properties"
                                ? new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, Convert(p.Value))))
                                : Convert(value);
                            break;
                    }
                }

                if (!nullable)
                {
                    return target;
                }

                // nullable adds null to `type`; beside a composition (`oneOf: [$ref]`, a nullable reference) null is an
                // alternative to the whole schema, as the generators read it.
                if (target["type"] is JsonValue type && target["enum"] is null && target["oneOf"] is null && target["allOf"] is null && target["anyOf"] is null)
                {
                    target["type"] = new JsonArray(type.GetValue<string>(), "null");
                    return target;
                }

                return new JsonObject { ["anyOf"] = new JsonArray(target, new JsonObject { ["type"] = "null" }) };
            }

            case JsonArray array:
                return new JsonArray(array.Select(Convert).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}

/// <summary>An API answer that does not match docs/openapi.json.</summary>
public sealed class ContractException(string message) : Exception(message);

/// <summary>Checks every answer that passes through it against <see cref="ApiContract"/>.</summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await ApiContract.CheckAsync(request, response);
        return response;
    }
}
