using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Api;

/// <summary><c>POST /api/v1/auth/token</c>.</summary>
public static class AuthEndpoints
{
    public const int MaxFieldLength = 256;

    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapPost("/token", IssueAsync)
            .AllowAnonymous()
            .RequireRateLimiting(ApiServiceCollectionExtensions.TokenRateLimit)
            .WithName("IssueToken")
            .WithSummary("获取访问令牌 (get a bearer token)")
            .WithDescription(
                "Checks the user name and password of a member of staff (the same accounts as the web pages; every wrong name or " +
                "password answers the same 401; five failures for one name from one address refuse that name from that address for 15 minutes " +
                "with 429 `auth.throttled`; a deactivated account is told so only with its right password) and answers a JWT to send as " +
                "`Authorization: Bearer <accessToken>` until it expires (`expiresIn` seconds). The token carries the user's roles and " +
                "projects, exactly as the pages use them. Rate-limited per client address (429).")
            .WithMetadata(ApiExamples.Token)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(TokenRequest request, TokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["请输入用户名。"];
        }
        else if (request.UserName.Length > MaxFieldLength)
        {
            errors["userName"] = [$"用户名不能超过 {MaxFieldLength} 个字符。"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["请输入密码。"];
        }
        else if (request.Password.Length > MaxFieldLength)
        {
            errors["password"] = [$"密码不能超过 {MaxFieldLength} 个字符。"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var outcome = await issuer.IssueAsync(request.UserName!, request.Password!);
        if (outcome.AccessToken is { } token)
        {
            return TypedResults.Ok(new TokenResponse(token, "Bearer", outcome.ExpiresIn));
        }

        var message = outcome.FailureMessage ?? Infrastructure.Security.SignInGate.FailedMessage;
        return outcome.FailureCode == "auth.throttled"
            ? ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "请求过于频繁", message, outcome.FailureCode)
            : ApiProblems.Unauthorized(message, outcome.FailureCode);
    }
}

/// <summary><c>POST /api/v1/classification</c>: the intake page's classifier, nothing stored.</summary>
public static class ClassificationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/classification", ClassifyAsync)
            .WithName("Classify")
            .WithSummary("投诉分类 (classify facts without storing)")
            .WithDescription(
                "Runs the procedure's classification (the company's complaint procedure, section 3.1) on the facts, with the thresholds in force, and " +
                "answers the type (A | B | C), the severity of an A complaint (Major | Important | Minor, null for B and C), the clauses " +
                "that fired with their explanation, and the flags that put B/C complaints in front of supervisors. Nothing is stored.")
            .WithMetadata(ApiExamples.Classification)
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<ClassificationResponse>, ValidationProblem>> ClassifyAsync(
        ClassificationRequest request, IValidator<ClassificationRequest> validator, ProcedurePolicies policies, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>(validation.ToDictionary()));
        }

        var policy = await policies.GetAsync(cancellationToken);
        var result = Classifier.Classify(request.ToFacts(request.DaysUnresolved), policy.Classification);
        return TypedResults.Ok(ClassificationResponse.From(result));
    }
}

/// <summary>Photos and documents of a complaint.</summary>
public static class AttachmentEndpoints
{
    /// <summary>Room for the multipart envelope around the largest allowed file.</summary>
    public const long MultipartOverhead = 64 * 1024;

    public static void Map(RouteGroupBuilder complaints, long maxBytes)
    {
        complaints.MapPost("/{id}/attachments", UploadAsync)
            .RequireDesk()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + MultipartOverhead))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadAttachment")
            .WithSummary("上传附件 (upload an attachment)")
            .WithDescription(
                "multipart/form-data with one part named `file`: jpg, png, gif, webp, pdf, doc(x), xls(x) or txt, checked by its " +
                "first bytes too. Too large → 413; another type or content not matching the extension → 400. Answers 201 and the attachment.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        complaints.MapGet("/{id}/attachments", ListAsync)
            .WithName("ListAttachments")
            .WithSummary("附件列表 (attachments of a complaint)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("/{id}/attachments/{attachmentId}", DownloadAsync)
            .WithName("DownloadAttachment")
            .WithSummary("下载附件 (download an attachment)")
            .WithDescription("The file with its content type, as a download.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<AttachmentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        long id, IFormFile? file, AttachmentService attachments, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return ApiProblems.Validation("file", "请在名为 file 的表单字段中上传文件。");
        }

        await using var content = file.OpenReadStream();
        var attachment = await attachments.AddAsync(id, file.FileName, file.Length, content, cancellationToken);
        var dto = ToDto(attachment);
        return TypedResults.Created(dto.Href, dto);
    }

    private static async Task<Results<Ok<List<AttachmentDto>>, ProblemHttpResult>> ListAsync(
        long id, ComplaintQueries queries, AttachmentService attachments, CancellationToken cancellationToken)
    {
        if (!await queries.Visible().AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("投诉不存在，或不属于您负责的项目。");
        }

        var list = await attachments.ListAsync(id, cancellationToken);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, long attachmentId, AttachmentService attachments, CancellationToken cancellationToken)
    {
        var opened = await attachments.OpenAsync(id, attachmentId, cancellationToken);
        if (opened is not { } file)
        {
            return ApiProblems.NotFound("附件不存在，或您无权查看。");
        }

        return TypedResults.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
    }

    private static AttachmentDto ToDto(Data.Entities.Attachment a) => new(
        a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedByName,
        $"{ComplaintDetails.UrlOf(a.ComplaintId)}/attachments/{a.Id.ToString(CultureInfo.InvariantCulture)}");
}

/// <summary>Projects, departments and topics (read only).</summary>
public static class MasterDataEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/projects", async (ComplaintDeskDbContext db, CurrentStaff staff, CancellationToken cancellationToken) =>
            {
                var query = db.Projects.AsNoTracking();
                if (!staff.IsCompanyWide)
                {
                    var mine = staff.ProjectIds.ToList();
                    query = query.Where(p => mine.Contains(p.Id));
                }

                return TypedResults.Ok(await query.OrderBy(p => p.Id).Select(p => new ProjectDto(p.Id, p.Code, p.Name, p.IsActive)).ToListAsync(cancellationToken));
            })
            .WithName("ListProjects")
            .WithSummary("物业项目 (the caller's projects)")
            .WithDescription("The projects the caller works for (all of them for company-wide staff); register complaints only for active ones.");

        group.MapGet("/departments", async (ComplaintDeskDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Id)
                    .Select(d => new DepartmentDto(d.Id, d.Name, d.IsActive)).ToListAsync(cancellationToken)))
            .WithName("ListDepartments")
            .WithSummary("责任部门 (departments)");

        group.MapGet("/topics", async (ComplaintDeskDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await db.Topics.AsNoTracking().OrderBy(t => t.Id)
                    .Select(t => new TopicDto(t.Id, t.Name, t.DefaultDepartmentId, t.IsActive)).ToListAsync(cancellationToken)))
            .WithName("ListTopics")
            .WithSummary("投诉事项 (topics)")
            .WithDescription("Topics with the department each is dispatched to by default.");
    }
}
