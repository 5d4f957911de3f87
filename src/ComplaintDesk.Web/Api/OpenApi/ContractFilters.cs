using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplaintDesk.Web.Api.OpenApi;

/// <summary>
/// What the document says beyond the endpoints' own metadata, so that it and the server agree: the server the paths
/// are relative to, tag descriptions, the licence, the <c>ruleCode</c> and <c>traceId</c> every ProblemDetails carries,
/// and the headers (<c>Location</c> on 201, <c>ETag</c> on a complaint's detail); and nullable references written so that
/// every generator reads them the same way (see <see cref="WriteNullableReferences"/>).
/// </summary>
public sealed class ContractDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal)
    {
        ["Auth"] = "访问令牌 (bearer tokens for staff accounts).",
        ["Classification"] = "投诉分类，不保存 (classify facts without storing anything).",
        ["Complaints"] = "登记、查询与处理投诉 (register, list, read and move complaints).",
        ["Attachments"] = "投诉附件 (a complaint's photos and documents).",
        ["Master data"] = "项目、部门、投诉事项 (projects, departments, topics).",
        ["Reports"] = "月度报表 (the monthly report's figures).",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The server that serves this document (paths start with /api/v1)." }];
        swaggerDoc.Info.License = new OpenApiLicense { Name = "Proprietary: for the company's integrators only" };
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && _tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        WriteNullableReferences(swaggerDoc);
    }

    /// <summary>
    /// A property that holds a component or null (<c>severity</c>: a Severity, null for B and C complaints) comes from
    /// Swashbuckle as <c>allOf: [$ref]</c> + <c>nullable: true</c> with no <c>type</c>, which OpenAPI 3.0 tools split
    /// on: Redocly's rules and openapi-typescript refuse <c>nullable</c> without <c>type</c>, and NSwag types
    /// <c>allOf</c> + <c>type</c> as a plain string. Written as <c>type</c> (the component's) + <c>nullable: true</c> +
    /// <c>oneOf: [$ref]</c>, the document passes Redocly, openapi-typescript types it <c>Severity | null</c> and NSwag
    /// <c>Severity?</c> (both checked: eng/api-lint's client-check and GeneratedClientTests).
    /// </summary>
    private static void WriteNullableReferences(OpenApiDocument document)
    {
        var components = document.Components?.Schemas;
        if (components is null)
        {
            return;
        }

        foreach (var schema in components.Values.OfType<OpenApiSchema>())
        {
            foreach (var property in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                if (property is { AllOf: [OpenApiSchemaReference reference], Type: JsonSchemaType.Null }
                    && reference.Reference.Id is { } id
                    && components.TryGetValue(id, out var target)
                    && target.Type is { } targetType)
                {
                    property.Type = targetType | JsonSchemaType.Null;
                    property.OneOf = [reference];
                    property.AllOf = null;
                }
            }
        }
    }
}

/// <summary>Declares <c>ruleCode</c> and <c>traceId</c> on the ProblemDetails schemas, as every API error carries them.</summary>
public sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema concrete || !typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type))
        {
            return;
        }

        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties["ruleCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The rule the request broke (e.g. lifecycle.reason-required, concurrency.changed, auth.throttled); branch on this, not on the text. Absent when no rule applies.",
        };
        concrete.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id, to quote to the administrators (it is in the server's log).",
        };
        concrete.Required = new HashSet<string>(StringComparer.Ordinal) { "title", "status", "traceId" };
    }
}

/// <summary>The response headers the server sets: <c>Location</c> on every 201, <c>ETag</c> on a complaint's detail.</summary>
public sealed class ResponseHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Responses is null)
        {
            return;
        }

        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers["Location"] = new OpenApiHeader
            {
                Description = "The URL of what was created (relative to the server).",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse
            && okResponse.Content?.TryGetValue("application/json", out var media) == true
            && media.Schema is OpenApiSchemaReference { Reference.Id: "ComplaintDetail" })
        {
            okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            okResponse.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The complaint's version as a quoted string (e.g. \"3\"): send it back as If-Match.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}

/// <summary>
/// <c>required</c> as the server means it: a response always carries every property (null where the schema says
/// nullable); a request needs exactly the fields its validator demands, and those may not be null.
/// </summary>
public sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, string[]> _requests = new()
    {
        [typeof(TokenRequest)] = ["userName", "password"],
        [typeof(ClassificationRequest)] = ["cause"],
        [typeof(Features.Complaints.RegisterComplaintInput)] =
            ["complainantName", "complainantKind", "phone", "projectId", "location", "channel", "topicId", "content", "cause"],
        [typeof(Features.Complaints.DispatchInput)] = ["departmentId"],
        [typeof(Features.Complaints.NoteInput)] = [],
        [typeof(Features.Complaints.FollowUpInput)] = ["method", "outcome"],
        [typeof(Features.Complaints.ReclassifyInput)] = ["cause", "reason"],
        [typeof(Features.Complaints.WithdrawInput)] = ["reason", "note"],
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete
            || context.Type.IsEnum
            || typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type)
            || context.Type.Namespace?.StartsWith("ComplaintDesk", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (!_requests.TryGetValue(context.Type, out var required))
        {
            concrete.Required = new HashSet<string>(concrete.Properties.Keys, StringComparer.Ordinal);
            return;
        }

        concrete.Required = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var name in required)
        {
            switch (concrete.Properties.TryGetValue(name, out var property) ? property : null)
            {
                case OpenApiSchema { Type: { } type } plain when type.HasFlag(JsonSchemaType.Null):
                    plain.Type = type & ~JsonSchemaType.Null;
                    break;
                case OpenApiSchema { AllOf.Count: 1 } wrapped:
                    concrete.Properties[name] = wrapped.AllOf[0];
                    break;
            }
        }
    }
}
