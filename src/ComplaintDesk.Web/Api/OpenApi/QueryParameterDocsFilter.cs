using System.ComponentModel;
using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplaintDesk.Web.Api.OpenApi;

/// <summary>Marks a query parameter kept only for older clients; the document then says <c>deprecated: true</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DeprecatedParameterAttribute : Attribute;

/// <summary>
/// Gives query parameters bound from a class (<c>[AsParameters]</c>) the description written on their property with
/// <see cref="DescriptionAttribute"/>, and <c>deprecated</c> where <see cref="DeprecatedParameterAttribute"/> says so, so a
/// generated client documents them.
/// </summary>
public sealed class QueryParameterDocsFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is not OpenApiParameter target)
        {
            return;
        }

        ICustomAttributeProvider? source = (ICustomAttributeProvider?)context.PropertyInfo ?? context.ParameterInfo;
        if (source is null)
        {
            return;
        }

        var attributes = source.GetCustomAttributes(inherit: true);
        if (attributes.OfType<DescriptionAttribute>().FirstOrDefault() is { } description)
        {
            target.Description = description.Description;

            // Swashbuckle also copies the attribute onto the parameter's inline schema; say it once, on the parameter.
            if (target.Schema is OpenApiSchema { Description: var copied } schema && copied == description.Description)
            {
                schema.Description = null;
            }
        }

        if (attributes.OfType<DeprecatedParameterAttribute>().Any())
        {
            target.Deprecated = true;
        }
    }
}
