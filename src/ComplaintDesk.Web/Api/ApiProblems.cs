using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintDesk.Web.Api;

/// <summary>The API's RFC 7807 answers, titles in Chinese, field names in camelCase.</summary>
public static class ApiProblems
{
    public const string RuleCodeKey = "ruleCode";

    public static string Field(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Join('.', name.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => Field(e.Key), e => e.Value),
            detail: detail ?? "请求中有字段不符合要求，详见 errors。",
            title: "输入有误");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Problem(int status, string title, string? detail = null, string? ruleCode = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (ruleCode is not null)
        {
            problem.Extensions[RuleCodeKey] = ruleCode;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string? detail = null) =>
        Problem(StatusCodes.Status404NotFound, "不存在", detail ?? "没有找到该记录，或您无权查看。");

    public static ProblemHttpResult Unauthorized(string detail, string? code = null) =>
        Problem(StatusCodes.Status401Unauthorized, "未登录或凭据无效", detail, code);

    public static ProblemHttpResult Forbidden() =>
        Problem(StatusCodes.Status403Forbidden, "无权操作", "您的角色不能使用这项功能。");

    public static ProblemHttpResult TooManyRequests() =>
        Problem(StatusCodes.Status429TooManyRequests, "请求过于频繁", "请求过于频繁，请稍后再试。", "rate-limit.exceeded");

    /// <summary>A ProblemDetails for a bare status code that nothing else described.</summary>
    public static ProblemHttpResult ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Unauthorized("请先获取访问令牌，并以 Authorization: Bearer <token> 发送。"),
        StatusCodes.Status403Forbidden => Forbidden(),
        StatusCodes.Status404NotFound => NotFound(),
        StatusCodes.Status405MethodNotAllowed => Problem(status, "不支持的请求方法"),
        StatusCodes.Status413PayloadTooLarge => TooLarge("请求内容超过允许的大小。"),
        StatusCodes.Status415UnsupportedMediaType => Problem(status, "不支持的内容类型", "请求体请使用 application/json（附件上传使用 multipart/form-data）。"),
        StatusCodes.Status429TooManyRequests => TooManyRequests(),
        _ => Problem(status, status < 500 ? "请求格式有误" : "服务器内部错误", status < 500 ? "请求格式有误，请检查后重试。" : "请稍后重试；如果问题持续，请联系系统管理员。"),
    };

    public static ProblemHttpResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大", detail, "request.too-large");
}
