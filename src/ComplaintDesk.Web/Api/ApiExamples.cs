using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;

namespace ComplaintDesk.Web.Api;

/// <summary>An example request and/or response body of an endpoint, shown in the OpenAPI document.</summary>
public sealed record ApiExample(object? Request, object? Response, int ResponseStatus = StatusCodes.Status200OK);

/// <summary>The examples of the OpenAPI document, written as the objects the API reads and writes.</summary>
public static class ApiExamples
{
    private static readonly DateTime _at = new(2026, 11, 16, 2, 5, 0, DateTimeKind.Utc);

    public static ApiExample Token { get; } = new(
        new TokenRequest("clerk", "Demo@2026"),
        new TokenResponse("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…", "Bearer", 3600));

    public static ApiExample Classification { get; } = ClassificationExample();

    public static ApiExample Register { get; } = new(
        new RegisterComplaintInput
        {
            ComplainantName = "王女士",
            ComplainantKind = ComplainantKind.Owner,
            Phone = "13812341234",
            ProjectId = 1,
            Location = "3栋2单元1502",
            Channel = Channel.Phone,
            TopicId = 10,
            Content = "楼道灯坏了一周，报修两次无人处理。",
            Cause = Cause.ManagementService,
            PromisedServiceNotDelivered = true,
            TimesRaisedUnresolved = 2,
        },
        new RegisteredComplaint(42, "TS2026110042", _at, "/api/v1/complaints/42"),
        StatusCodes.Status201Created);

    /// <summary>The registration's body; nothing in the answer (204).</summary>
    public static ApiExample Validate { get; } = new(Register.Request, null, StatusCodes.Status204NoContent);

    public static ApiExample List { get; } = new(
        null,
        new ComplaintListResponse(
            [new ComplaintListItem(42, "TS2026110042", _at, 1, "阳光花园", "公共设施", null, "王女士", "138****1234",
                ComplaintType.A, Severity.Major, ComplaintStatus.Registered, false, string.Empty, _at.AddMinutes(20), "楼道灯坏了一周，报修两次无人处理。")],
            "YzE6MDo0Mg"));

    public static ApiExample Detail { get; } = new(null, null);

    private static ApiExample ClassificationExample()
    {
        // 3.1.2(e): ten people complaining jointly make an A complaint major; the answer is the classifier's own.
        var request = new ClassificationRequest { Cause = Cause.ManagementService, CompanyAtFault = true, ComplainantCount = 10 };
        var policy = new Data.Entities.ProcedureSettings().ToClassificationPolicy();
        return new(request, ClassificationResponse.From(Classifier.Classify(request.ToFacts(), policy)));
    }

    public static ApiExample ForMove(ComplaintMove move) => move switch
    {
        ComplaintMove.Dispatch or ComplaintMove.Reassign => new(new DispatchInput { DepartmentId = 2, AssigneeName = "李师傅", Note = "请今天内上门" }, null),
        ComplaintMove.RecordFollowUp => new(new FollowUpInput { Method = FollowUpMethod.Phone, Outcome = FollowUpOutcome.Satisfied, Note = "业主表示满意" }, null),
        ComplaintMove.Reclassify => new(new ReclassifyInput { Cause = Cause.EngineeringQuality, Reason = "现场核实为房屋质量问题" }, null),
        ComplaintMove.Withdraw => new(new WithdrawInput { Reason = WithdrawReason.Duplicate, Note = "与 TS2026110041 重复" }, null),
        ComplaintMove.PutOnHold => new(new NoteInput { Note = "等待厂家配件" }, null),
        ComplaintMove.Resolve => new(new NoteInput { Note = "已更换灯具并试亮" }, null),
        ComplaintMove.HandOver => new(new HandOverInput { ToUserId = "3f2b1c9e-…", Reason = "本人调岗，转交李主管跟进" }, null),
        ComplaintMove.WriteInvestigation => new(new Features.Investigations.InvestigationInput
        {
            WhatHappened = "11月1日晚3栋电梯困人，业主被困约40分钟",
            Cause = "维保单位夜间值班人员不足，接警后40分钟才到场",
            ResponsibleDepartmentId = 2,
            ResponsiblePerson = "李师傅",
            Actions = [new() { Description = "约谈维保单位，夜间增派值班人员", OwnerDepartmentId = 2, DueOn = new DateOnly(2026, 11, 20) }],
        }, null),
        ComplaintMove.ApproveInvestigation => new(new NoteInput { Note = "同意，请按期整改" }, null),
        ComplaintMove.ReturnInvestigation => new(new NoteInput { Note = "原因分析不充分，请补充维保记录" }, null),
        ComplaintMove.CompleteCorrectiveAction => new(new Features.Investigations.CompleteActionInput { No = 1, Note = "已约谈维保单位并签订补充协议" }, null),
        ComplaintMove.VerifyCorrectiveAction => new(new Features.Investigations.VerifyActionInput
        {
            No = 1, Result = Domain.Investigations.VerificationResult.Passed, Note = "夜间抽查有人值班",
        }, null),
        _ => new(new NoteInput { Note = "已联系业主说明进度" }, null),
    };
}
