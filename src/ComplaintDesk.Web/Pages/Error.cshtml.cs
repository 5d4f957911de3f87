using System.Diagnostics;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintDesk.Web.Pages;

/// <summary>The Chinese error page for exceptions and status codes.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = "系统暂时无法完成您的请求，请稍后再试。如果问题持续，请联系系统管理员。";

    public string? RequestId { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    /// <summary>The status comes from the pipeline (a re-executed status code or an exception), never from the query
    /// string: a visitor cannot make the server answer "HTTP/1.1 001".</summary>
    private void Describe()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        int? code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        if (code is null && DatabaseFailures.IsUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
        }

        (Title, Message) = code switch
        {
            404 => ("页面不存在", "您要找的页面或记录不存在，或不在您负责的项目范围内。"),
            403 => ("没有权限", "您的角色无权访问此页面。"),
            400 => ("请求无效", "提交的内容无法处理，请返回检查后重试。"),
            429 => ("请求过于频繁", "请稍后再试。"),
            503 => ("数据库暂时无法访问", "系统暂时无法连接数据库，您刚才的操作没有保存。请稍后重试；数据库恢复后系统会自动恢复。"),
            _ => (Title, Message),
        };
        if (code is { } status)
        {
            Response.StatusCode = status;
        }
    }
}
