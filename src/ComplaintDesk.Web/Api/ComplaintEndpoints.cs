using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Search;
using ComplaintDesk.Web.Api.OpenApi;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Investigations;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Api;

/// <summary>Query parameters of <c>GET /api/v1/complaints</c>: the list page's filters and a keyset cursor.</summary>
public sealed class ComplaintListQuery
{
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);
    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    [FromQuery(Name = "status")]
    public ComplaintStatus? Status { get; set; }

    [FromQuery(Name = "type")]
    public ComplaintType? Type { get; set; }

    [FromQuery(Name = "severity")]
    public Severity? Severity { get; set; }

    [FromQuery(Name = "projectId")]
    public int? ProjectId { get; set; }

    [FromQuery(Name = "departmentId")]
    public int? DepartmentId { get; set; }

    [FromQuery(Name = "topicId")]
    public int? TopicId { get; set; }

    [FromQuery(Name = "channel")]
    public Channel? Channel { get; set; }

    [FromQuery(Name = "from")]
    [Description("First day registered, 北京时间 (yyyy-MM-dd, inclusive).")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    [Description("Last day registered, 北京时间 (yyyy-MM-dd, inclusive).")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "overdueOnly")]
    [Description("true lists only complaints past one of their time limits now.")]
    public bool? OverdueOnly { get; set; }

    [FromQuery(Name = "dueSoonOnly")]
    [Description("true lists only complaints whose next time limit falls within the next 24 hours (即将超时, not yet overdue).")]
    public bool? DueSoonOnly { get; set; }

    [FromQuery(Name = "q")]
    [Description(
        "搜索 (search): a phone (whole or its last 4 digits), a complaint number (whole, TS202611, its last 4 digits), a room " +
        "(3栋1单元1202, 3-1-1202, 3栋), a name, a word of the content and notes (every word given must match). Text only: " +
        "operators and punctuation are not syntax. At most 100 characters.")]
    public string? Q { get; set; }

    [FromQuery(Name = "mine")]
    [Description("我负责的: true lists only the complaints the caller owns (首问负责人).")]
    public bool? Mine { get; set; }

    [FromQuery(Name = "keyword")]
    [DeprecatedParameter]
    [Description("已弃用 (deprecated): the same as q, used only when q is absent; use q.")]
    public string? Keyword { get; set; }

    [FromQuery(Name = "sort")]
    [Description("Newest (default) or Oldest, by registration.")]
    public ComplaintSort? Sort { get; set; }

    [FromQuery(Name = "cursor")]
    [Description("The nextCursor of the previous page; absent for the first page.")]
    public string? Cursor { get; set; }

    [FromQuery(Name = "pageSize")]
    [Description("Complaints per page, 1–100 (default 20).")]
    public int? PageSize { get; set; }

    /// <summary>The enum parameters and their types: each takes exactly one of its names.</summary>
    public static readonly IReadOnlyDictionary<string, Type> EnumParameters = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["status"] = typeof(ComplaintStatus),
        ["type"] = typeof(ComplaintType),
        ["severity"] = typeof(Severity),
        ["channel"] = typeof(Channel),
        ["sort"] = typeof(ComplaintSort),
    };

    /// <summary>The filter, or the field errors that make the query unusable. <paramref name="raw"/> is the query string
    /// as sent: binding alone would take a number ("1") or a comma list ("Registered,Closed") for an enum.</summary>
    public (ComplaintFilter? Filter, Dictionary<string, string[]> Errors) ToFilter(IQueryCollection? raw = null)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, enumType) in EnumParameters)
        {
            if (raw is not null && raw.TryGetValue(name, out var values)
                && (values.Count != 1 || Array.IndexOf(Enum.GetNames(enumType), values[0]) < 0))
            {
                errors[name] = [EnumNames.Message(name, enumType)];
            }
        }

        CheckEnum(Status, "status", errors);
        CheckEnum(Type, "type", errors);
        CheckEnum(Severity, "severity", errors);
        CheckEnum(Channel, "channel", errors);
        CheckEnum(Sort, "sort", errors);
        CheckId(ProjectId, "projectId", errors);
        CheckId(DepartmentId, "departmentId", errors);
        CheckId(TopicId, "topicId", errors);
        CheckDay(From, "from", errors);
        CheckDay(To, "to", errors);
        if (From is { } from && To is { } to && from > to && !errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            errors["to"] = ["结束日期不能早于开始日期。"];
        }

        var search = string.IsNullOrWhiteSpace(Q) ? Keyword : Q;
        if (!string.IsNullOrWhiteSpace(search) && !SearchQuery.TryParse(search, out _, out var searchError))
        {
            errors[string.IsNullOrWhiteSpace(Q) ? "keyword" : "q"] = [searchError];
        }

        if (PageSize is { } size && (size < 1 || size > ComplaintFilter.MaxPageSize))
        {
            errors["pageSize"] = [$"每页条数必须在 1 到 {ComplaintFilter.MaxPageSize} 之间。"];
        }

        var sort = Sort ?? ComplaintSort.Newest;
        long? after = null;
        if (Cursor is not null)
        {
            if (!ListCursor.TryDecode(Cursor, out var cursorSort, out var lastId))
            {
                errors["cursor"] = ["游标无效，请使用上一页返回的 nextCursor。"];
            }
            else if (Sort is not null && cursorSort != sort)
            {
                errors["cursor"] = ["游标与排序方式不符，请使用上一页返回的 nextCursor。"];
            }
            else
            {
                sort = cursorSort;
                after = lastId;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ComplaintFilter
        {
            Status = Status,
            Type = Type,
            Severity = Severity,
            ProjectId = ProjectId,
            DepartmentId = DepartmentId,
            TopicId = TopicId,
            Channel = Channel,
            From = From,
            To = To,
            OverdueOnly = OverdueOnly ?? false,
            DueSoonOnly = DueSoonOnly ?? false,
            Mine = Mine ?? false,
            Keyword = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Sort = sort,
            After = after,
            PageSize = PageSize ?? ComplaintFilter.DefaultPageSize,
        }, errors);
    }

    private static void CheckEnum<T>(T? value, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.TryAdd(name, [EnumNames.Message(name, typeof(T))]);
        }
    }

    private static void CheckId(int? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is <= 0)
        {
            errors[name] = [$"参数 {name} 必须是正整数。"];
        }
    }

    private static void CheckDay(DateOnly? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is { } day && (day < EarliestDay || day > LatestDay))
        {
            errors[name] = [$"日期必须在 {EarliestDay:yyyy-MM-dd} 到 {LatestDay:yyyy-MM-dd} 之间。"];
        }
    }
}

/// <summary><c>/api/v1/complaints</c>: register, list, read, and one POST per move of the lifecycle.</summary>
public static class ComplaintEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = IdempotencyKey.KeyLength;
    public const string IdempotencyKeyReused = "idempotency.key-reused";

    public static void Map(RouteGroupBuilder complaints)
    {
        complaints.MapPost("/", RegisterAsync)
            .RequireDesk()
            .WithName("RegisterComplaint")
            .WithSummary("登记投诉 (register a complaint)")
            .WithDescription(
                "Validates with the same rules as the intake page, classifies with the procedure (type, severity, clauses), " +
                "numbers the complaint (TSyyyyMMnnnn) and answers 201 with its id, number and Location. " +
                "Send an `Idempotency-Key` header (1–100 characters of A–Z a–z 0–9 - _ . :) to make retries safe: the same key " +
                "from the same user returns the first result (same status and body) and never creates a second complaint; " +
                "the same key with a different body answers 409 `idempotency.key-reused`. A referral whose ticket number is already " +
                "registered for its source answers 400 naming `referral.ticketNumber`; one registered by another request in the same " +
                "moment answers 409 `referral.ticket-taken` (the complaint that has it in `detail`). Clerks and supervisors only.")
            .Produces<RegisteredComplaint>(StatusCodes.Status201Created)
            .WithMetadata(ApiExamples.Register)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        complaints.MapPost("/validate", ValidateAsync)
            .RequireDesk()
            .WithName("ValidateComplaint")
            .WithSummary("检查登记内容 (validate a registration without storing it)")
            .WithDescription(
                "Binds and checks the same body as `POST /api/v1/complaints` with the same rules (fields, the caller's project in service, " +
                "the topic) and stores nothing: 204 when the registration would be accepted, 400 with the field errors otherwise. " +
                "For forms that check before they submit, and the load tests' baseline beside intake. Clerks and supervisors only.")
            .Produces(StatusCodes.Status204NoContent)
            .WithMetadata(ApiExamples.Validate)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        complaints.MapGet("/", ListAsync)
            .WithName("ListComplaints")
            .WithSummary("投诉列表 (list complaints)")
            .WithDescription(
                "Complaints of the caller's projects, newest first (sort=Oldest for the other way), filtered like the list page: " +
                "status, type, severity, projectId, departmentId, topicId, channel, from/to (local days yyyy-MM-dd), overdueOnly, dueSoonOnly, mine (the caller's own complaints, 首问负责人) and q " +
                "(phone, number, room, name or words; keyword is its deprecated name). Paged by keyset: pass `nextCursor` of a page as `cursor` to get the next one; " +
                "`nextCursor` is null on the last page. pageSize 1–100 (default 20). No total count is given.")
            .WithMetadata(ApiExamples.List)
            .ProducesValidationProblem();

        complaints.MapGet("/{id}", GetAsync)
            .WithName("GetComplaint")
            .WithSummary("投诉详情 (one complaint with its timeline)")
            .WithDescription(
                "The complaint with its timeline, follow-ups, time limits and the moves the caller may make now (`allowedMoves`, each " +
                "with the URL to POST). The `ETag` header carries the version for `If-Match`. A complaint of another project answers 404.")
            .WithMetadata(ApiExamples.Detail)
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("/{id}/staff", StaffAsync)
            .WithName("ListComplaintStaff")
            .WithSummary("可转交的人员 (who the complaint can be handed over to)")
            .WithDescription(
                "The clerks and supervisors in service who can own this complaint (its project's, and company-wide staff): the ids " +
                "that `hand-over` takes as `toUserId`. A complaint of another project answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapMove<DispatchInput>(complaints, ComplaintMove.Dispatch, (w, id, i, v, ct) => w.DispatchAsync(id, i, v, ct),
            "派单 (dispatch to a department)", "Registered → InProgress. departmentId is required; assigneeName and, for B complaints, externalParty optional.");
        MapMove<DispatchInput>(complaints, ComplaintMove.Reassign, (w, id, i, v, ct) => w.ReassignAsync(id, i, v, ct),
            "改派 (reassign)", "In progress: send to another department or person; note optional.");
        MapMove<NoteInput>(complaints, ComplaintMove.RecordProgress, (w, id, i, v, ct) => w.RecordProgressAsync(id, i, v, ct),
            "处理进展 (record progress)", "In progress: a progress note (required). Major complaints need one every interval.");
        MapMove<NoteInput>(complaints, ComplaintMove.PutOnHold, (w, id, i, v, ct) => w.PutOnHoldAsync(id, i, v, ct),
            "挂起 (put on hold)", "InProgress → OnHold; the reason (note) is required. Time on hold does not count against the resolution limit.");
        MapMove<NoteInput>(complaints, ComplaintMove.Resume, (w, id, i, v, ct) => w.ResumeAsync(id, i, v, ct),
            "恢复 (resume)", "OnHold → InProgress; note optional.");
        MapMove<NoteInput>(complaints, ComplaintMove.Resolve, (w, id, i, v, ct) => w.ResolveAsync(id, i, v, ct),
            "处理完成 (resolve)", "InProgress → Resolved (awaiting follow-up); the resolution (note) is required.");
        MapMove<FollowUpInput>(complaints, ComplaintMove.RecordFollowUp, (w, id, i, v, ct) => w.RecordFollowUpAsync(id, i, v, ct),
            "回访 (record a follow-up)", "Resolved: satisfied or basically satisfied closes it; dissatisfied reopens it; unreachable counts an attempt.");
        MapMove<NoteInput>(complaints, ComplaintMove.CloseUnreachable, (w, id, i, v, ct) => w.CloseUnreachableAsync(id, i, v, ct),
            "结案（无法联系） (close as unreachable)", "Supervisors only, after enough failed follow-up attempts; reason required.");
        MapMove<NoteInput>(complaints, ComplaintMove.Reopen, (w, id, i, v, ct) => w.ReopenAsync(id, i, v, ct),
            "重新打开 (reopen)", "Supervisors only: Closed → InProgress; reason required.");
        MapMove<ReclassifyInput>(complaints, ComplaintMove.Reclassify, (w, id, i, v, ct) => w.ReclassifyAsync(id, i, v, ct),
            "重新分类 (reclassify)", "Supervisors only: new facts and a reason; the classification is computed again.");
        MapMove<WithdrawInput>(complaints, ComplaintMove.Withdraw, (w, id, i, v, ct) => w.WithdrawAsync(id, i, v, ct),
            "撤销 (withdraw)", "Supervisors only: Registered or InProgress → Withdrawn; reason (ByComplainant | Duplicate) and note required.");
        MapMove<HandOverInput>(complaints, ComplaintMove.HandOver, (w, id, i, v, ct) => w.HandOverAsync(id, i, v, ct),
            "转交 (hand over to another owner)",
            "首问负责制: the owner (or a supervisor) hands the complaint to another clerk or supervisor of its project (toUserId, from "
            + "GET /api/v1/complaints/{id}/staff) with a reason; not after closing or withdrawal.");
        MapMove<NoteInput>(complaints, ComplaintMove.RecordRepeatRaise, (w, id, i, v, ct) => w.RecordRepeatRaiseAsync(id, i, v, ct),
            "记录重复反映 (record a repeat raise)", "While open: the complainant raised it again; may make it major under 3.1.2(a).");
        MapMove<InvestigationInput>(complaints, ComplaintMove.WriteInvestigation, (w, id, i, v, ct) => w.WriteInvestigationAsync(id, i, v, ct),
            "填写调查处理报告 (write the investigation report)",
            "Supervisors only, once the work has started (closed complaints too): what happened, the cause, the responsible department "
            + "(person optional) and one or more corrective actions (description, ownerDepartmentId, dueOn yyyy-MM-dd 北京时间, not before today). "
            + "Revising a report not yet approved replaces its actions. A major complaint cannot be closed until a manager approves it "
            + "(`investigation.required-to-close`).");
        MapMove<NoteInput>(complaints, ComplaintMove.ApproveInvestigation, (w, id, i, v, ct) => w.ApproveInvestigationAsync(id, i, v, ct),
            "审核通过调查处理报告 (approve the investigation)",
            "Managers only, not the report's writer: the corrective actions open and their clock starts; note optional.", managersToo: true);
        MapMove<NoteInput>(complaints, ComplaintMove.ReturnInvestigation, (w, id, i, v, ct) => w.ReturnInvestigationAsync(id, i, v, ct),
            "退回调查处理报告 (return the investigation)", "Managers only: back to the supervisor for revision; the reason (note) is required.", managersToo: true);
        MapMove<CompleteActionInput>(complaints, ComplaintMove.CompleteCorrectiveAction, (w, id, i, v, ct) => w.CompleteCorrectiveActionAsync(id, i, v, ct),
            "整改完成 (a corrective action is done)", "An open action (no) is done; what was done (note) is required. Its clock stops; it waits for verification.");
        MapMove<VerifyActionInput>(complaints, ComplaintMove.VerifyCorrectiveAction, (w, id, i, v, ct) => w.VerifyCorrectiveActionAsync(id, i, v, ct),
            "整改验证 (verify a corrective action)",
            "Supervisors only: a completed action (no) is verified Passed, or Failed with a note and newDueOn (the action opens again).");
        ReferralEndpoints.Map(complaints);
    }

    private static async Task<Results<Created<RegisteredComplaint>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterComplaintInput input,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ComplaintWorkflow workflow,
        ComplaintDeskDbContext db,
        CurrentStaff staff,
        TimeProvider clock,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            var created = await workflow.RegisterAsync(input, cancellationToken);
            return Created(created.Id, created.Number, created.RegisteredAt);
        }

        if (!IsValidKey(idempotencyKey))
        {
            return ApiProblems.Validation("idempotencyKey", $"Idempotency-Key 必须是 1 到 {MaxIdempotencyKeyLength} 个字母、数字或 - _ . : 字符。");
        }

        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, json.Value.SerializerOptions)));
        var earlier = await FindKeyAsync(db, staff.UserId, idempotencyKey, cancellationToken);
        if (earlier is not null)
        {
            return await ReplayAsync(db, earlier, hash, http, cancellationToken);
        }

        try
        {
            // The key is stored in the complaint's transaction; a duplicate that got there second creates nothing.
            var created = await workflow.RegisterAsync(input, new IdempotencyClaim(staff.UserId, idempotencyKey, hash), cancellationToken);
            return Created(created.Id, created.Number, created.RegisteredAt);
        }
        catch (IdempotencyKeyTakenException duplicate)
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync(db, duplicate.First, hash, http, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same key between our look-up and our insert: the unique index refused ours.
            db.ChangeTracker.Clear();
            var first = await FindKeyAsync(db, staff.UserId, idempotencyKey, cancellationToken);
            if (first is null)
            {
                throw;
            }

            return await ReplayAsync(db, first, hash, http, cancellationToken);
        }
    }

    private static async Task<NoContent> ValidateAsync(RegisterComplaintInput input, ComplaintWorkflow workflow, CancellationToken cancellationToken)
    {
        await workflow.CheckRegistrationAsync(input, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<RegisteredComplaint>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        ComplaintDeskDbContext db, IdempotencyKey key, string hash, HttpContext http, CancellationToken cancellationToken)
    {
        if (!string.Equals(key.RequestHash, hash, StringComparison.Ordinal))
        {
            return ApiProblems.Problem(
                StatusCodes.Status409Conflict, "Idempotency-Key 已用于另一个请求",
                "这个 Idempotency-Key 已经用于内容不同的登记请求；新的登记请使用新的 Key。", IdempotencyKeyReused);
        }

        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == key.ComplaintId)
            .Select(c => new { c.Id, c.Number, c.RegisteredAt }).SingleAsync(cancellationToken);
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Created(complaint.Id, complaint.Number, complaint.RegisteredAt);
    }

    private static Task<IdempotencyKey?> FindKeyAsync(ComplaintDeskDbContext db, string userId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId && k.Key == key, cancellationToken);

    private static Created<RegisteredComplaint> Created(long id, string number, DateTime registeredAt)
    {
        var url = ComplaintDetails.UrlOf(id);
        return TypedResults.Created(url, new RegisteredComplaint(id, number, registeredAt, url));
    }

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static async Task<Results<Ok<ComplaintListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] ComplaintListQuery query, ComplaintQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var (filter, errors) = query.ToFilter(http.Request.Query);
        if (filter is null)
        {
            return ApiProblems.Validation(errors, "查询参数有误。");
        }

        var page = await queries.ListAsync(filter, cancellationToken);
        var next = page.NextCursor is { } last ? ListCursor.Encode(filter.Sort, last) : null;
        return TypedResults.Ok(new ComplaintListResponse(page.Items, next));
    }

    private static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> GetAsync(
        long id, ComplaintDetails details, HttpContext http, CancellationToken cancellationToken)
    {
        var detail = await details.FindAsync(id, cancellationToken);
        if (detail is null)
        {
            return ApiProblems.NotFound("投诉不存在，或不属于您负责的项目。");
        }

        http.Response.Headers.ETag = ETagOf(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<IReadOnlyList<StaffChoice>>, ProblemHttpResult>> StaffAsync(
        long id, ComplaintDeskDbContext db, CurrentStaff staff, ProjectStaff projectStaff, CancellationToken cancellationToken)
    {
        var projectId = await db.Complaints.Where(c => c.Id == id).Select(c => (int?)c.ProjectId).SingleOrDefaultAsync(cancellationToken);
        if (projectId is not { } project || !staff.CanSeeProject(project))
        {
            return ApiProblems.NotFound("投诉不存在，或不属于您负责的项目。");
        }

        return TypedResults.Ok(await projectStaff.ForProjectAsync(project, cancellationToken));
    }

    private static void MapMove<TInput>(
        RouteGroupBuilder complaints,
        ComplaintMove move,
        Func<ComplaintWorkflow, long, TInput, int?, CancellationToken, Task<Complaint>> apply,
        string summary,
        string description,
        bool managersToo = false)
        where TInput : class, new() =>
        MapPostMove(complaints, ComplaintDetails.MoveSegments[move], move.ToString(), apply, summary,
            description + " Allowed only where the lifecycle allows it for the caller's role: otherwise 409 with `ruleCode` " +
            "(`lifecycle.move-not-allowed-in-status`, `lifecycle.role-not-allowed`, `follow-up.attempts-too-few`).",
            ApiExamples.ForMove(move), managersToo);

    /// <summary>
    /// <c>POST /api/v1/complaints/{id}/{segment}</c>: one move through <see cref="ComplaintWorkflow"/> with the caller's version
    /// (<c>expectedVersion</c> or <c>If-Match</c>); answers the updated complaint.
    /// </summary>
    internal static void MapPostMove<TInput>(
        RouteGroupBuilder complaints,
        string segment,
        string name,
        Func<ComplaintWorkflow, long, TInput, int?, CancellationToken, Task<Complaint>> apply,
        string summary,
        string description,
        ApiExample example,
        bool managersToo = false)
        where TInput : class, new()
    {
        var endpoint = complaints.MapPost($"/{{id}}/{segment}", async Task<Results<Ok<ComplaintDetail>, ValidationProblem, ProblemHttpResult>> (
                long id,
                [FromBody] TInput? input,
                [FromQuery(Name = "expectedVersion")] int? expectedVersion,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                ComplaintWorkflow workflow,
                ComplaintDetails details,
                HttpContext http,
                CancellationToken cancellationToken) =>
            {
                var version = expectedVersion;
                if (ifMatch is not null)
                {
                    if (!TryParseETag(ifMatch, out var fromHeader))
                    {
                        return ApiProblems.Validation("ifMatch", "If-Match 必须是详情返回的 ETag，例如 \"3\"。");
                    }

                    if (fromHeader is not null && version is not null && fromHeader != version)
                    {
                        return ApiProblems.Validation("expectedVersion", "expectedVersion 与 If-Match 不一致。");
                    }

                    version ??= fromHeader;
                }

                if (version is < 0)
                {
                    return ApiProblems.Validation("expectedVersion", "expectedVersion 不能为负数。");
                }

                await apply(workflow, id, input ?? new TInput(), version, cancellationToken);
                var detail = await details.FindAsync(id, cancellationToken);
                if (detail is null)
                {
                    return ApiProblems.NotFound();
                }

                http.Response.Headers.ETag = ETagOf(detail.Version);
                return TypedResults.Ok(detail);
            });

        // A manager has no desk role: the investigation's review is open to the group's readers, and the domain lets only managers make it.
        if (!managersToo)
        {
            endpoint.RequireDesk();
        }

        endpoint
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(
                description + " Pass the version " +
                "you saw as `expectedVersion` or `If-Match` to get 409 `concurrency.changed` instead of overwriting someone else's change. " +
                "Answers the updated complaint.")
            .WithMetadata(example)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string ETagOf(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads <c>"3"</c>, <c>W/"3"</c> or <c>3</c>; <c>*</c> means any version (null).</summary>
    private static bool TryParseETag(string value, out int? version)
    {
        version = null;
        var text = value.Trim();
        if (text == "*")
        {
            return true;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>Write endpoints need the desk roles on top of the group's read policy.</summary>
internal static class ApiAuthorization
{
    public const string Scheme = Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme;

    public static TBuilder RequireDesk<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = Scheme, Policy = Policies.Desk });
}
