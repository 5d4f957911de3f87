using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplaintDesk.Web.Api.OpenApi;

/// <summary>
/// Adds to each operation the bearer requirement (unless anonymous), the 401/403/429 answers every secured call can give,
/// and the request and response examples of <see cref="ApiExamples"/>.
/// </summary>
public sealed class ApiOperationFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public const string SchemeName = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Responses ??= [];
        if (anonymous)
        {
            // Declared, not left out: "no credentials needed" (an empty requirement), as linters expect.
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        else
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            AddProblem(operation, context, "401", "没有或无效的访问令牌 (missing or invalid bearer token).");
            AddProblem(operation, context, "403", "角色不能使用这项功能 (the role may not use this endpoint).");
        }

        AddProblem(operation, context, "429", "请求过于频繁 (rate-limited).");

        if (metadata.OfType<ApiExample>().LastOrDefault() is not { } example)
        {
            return;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent
            && requestContent.TryGetValue("application/json", out var requestMedia))
        {
            requestMedia.Example = ToNode(example.Request);
        }

        var status = example.ResponseStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (example.Response is not null && operation.Responses.TryGetValue(status, out var response)
            && response.Content is { } content && content.TryGetValue("application/json", out var responseMedia))
        {
            responseMedia.Example = ToNode(example.Response);
        }
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }

    private JsonNode? ToNode(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), json.Value.SerializerOptions);
}
