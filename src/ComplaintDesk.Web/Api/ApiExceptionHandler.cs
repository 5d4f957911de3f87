using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.AspNetCore.Diagnostics;

namespace ComplaintDesk.Web.Api;

/// <summary>
/// Turns what the services throw, and what request binding rejects, into ProblemDetails for <c>/api</c> requests:
/// input → 400 with field errors, not found → 404, a refused move or a concurrent change → 409 with the rule code,
/// too large → 413. Pages keep their own error page.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Domain refusals that are really about what the client sent: answered 400, not 409.</summary>
    private static readonly HashSet<string> _inputRules =
        [RuleCodes.ReasonRequired, RuleCodes.InvalidInput, RuleCodes.FollowUpAttemptTime, RuleCodes.ReferralTime];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        IResult? result = exception switch
        {
            InputValidationException e => ApiProblems.Validation(e.Errors),
            ComplaintNotFoundException => ApiProblems.NotFound("投诉不存在，或不属于您负责的项目。"),
            ConcurrencyConflictException e => ApiProblems.Problem(StatusCodes.Status409Conflict, "投诉已被他人修改", e.Message, ConcurrencyConflictException.RuleCode),
            DomainRuleException e when _inputRules.Contains(e.RuleCode) =>
                ApiProblems.Problem(StatusCodes.Status400BadRequest, "输入有误", e.Message, e.RuleCode),
            DomainRuleException e => ApiProblems.Problem(StatusCodes.Status409Conflict, "操作不被允许", e.Message, e.RuleCode),
            AttachmentTooLargeException e => ApiProblems.TooLarge(e.Message),
            BadHttpRequestException e => FromBadRequest(e),
            JsonException e => FromJson(e),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        logger.LogInformation("API request {Method} {Path} refused: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.TooLarge("请求内容超过允许的大小。");
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型", "请求体请使用 application/json（附件上传使用 multipart/form-data）。");
        }

        if (exception.InnerException is JsonException json)
        {
            return FromJson(json);
        }

        var binding = BindingFailure().Match(exception.Message);
        if (binding.Success)
        {
            var name = ApiProblems.Field(binding.Groups["name"].Value);
            if (ComplaintListQuery.EnumParameters.TryGetValue(name, out var enumType))
            {
                return ApiProblems.Validation(name, EnumNames.Message(name, enumType));
            }

            return ApiProblems.Validation(name, $"参数 {name} 的值「{Shorten(binding.Groups["value"].Value)}」格式不正确。");
        }

        var missing = RequiredMissing().Match(exception.Message);
        if (missing.Success)
        {
            var name = ApiProblems.Field(missing.Groups["name"].Value);
            return ApiProblems.Validation(name, name == "input" ? "请求体不能为空，请提交 JSON 对象。" : $"缺少参数 {name}。");
        }

        return ApiProblems.Problem(exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : 400, "请求格式有误", "请求格式有误，请检查后重试。");
    }

    private static IResult FromJson(JsonException exception)
    {
        var unknown = UnmappedMember().Match(exception.Message);
        if (unknown.Success)
        {
            var name = unknown.Groups["name"].Value;
            return ApiProblems.Validation(name, $"不认识的字段 {name}：请只发送接口文档中列出的字段。");
        }

        var path = exception.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return ApiProblems.Validation("body", "请求体不是有效的 JSON 对象。");
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return exception is EnumNameException named
            ? ApiProblems.Validation(field, EnumNames.Message(field, named.EnumType))
            : ApiProblems.Validation(field, "值的类型或格式不正确（数字、布尔值或取值名称无效）。");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    [GeneratedRegex("^Failed to bind parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("^Required parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z0-9_]+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex RequiredMissing();
}
