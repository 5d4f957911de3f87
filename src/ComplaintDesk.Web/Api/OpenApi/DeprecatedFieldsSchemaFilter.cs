using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplaintDesk.Web.Api.OpenApi;

/// <summary>
/// Marks fields kept only for clients written against an older API as deprecated, with what replaces them: the single
/// question injuryOrMajorEconomicLoss, split into injury, economicLoss and lossIsMajor (procedure 3.1.2 and 3.1.2(b)).
/// </summary>
public sealed class DeprecatedFieldsSchemaFilter : ISchemaFilter
{
    public const string LegacyLossField = "injuryOrMajorEconomicLoss";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var isInput = typeof(FactsInput).IsAssignableFrom(context.Type);
        if ((!isInput && context.Type != typeof(ClassificationFacts)) || schema.Properties is null
            || !schema.Properties.TryGetValue(LegacyLossField, out var property) || property is not OpenApiSchema field)
        {
            return;
        }

        field.Deprecated = true;
        field.Description = isInput
            ? "已弃用 (deprecated): 旧的单一问题“是否造成人身伤害或重大经济损失”。仍然接受，按“造成经济损失且损失重大”处理；请改用 injury、economicLoss、lossIsMajor。"
            : "已弃用 (deprecated): injury 或（economicLoss 且 lossIsMajor），供按旧字段读取的客户端使用；请改读 injury、economicLoss、lossIsMajor。";
    }
}
