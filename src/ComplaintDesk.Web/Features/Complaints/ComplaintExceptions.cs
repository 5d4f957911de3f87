namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Input failed its validator; errors by field name, messages in Chinese.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("输入有误，请检查后重新提交。")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>No such complaint in the caller's projects: answered as 404, as if it did not exist.</summary>
public sealed class ComplaintNotFoundException(long id) : Exception($"投诉 {id} 不存在。")
{
    public long ComplaintId { get; } = id;
}

/// <summary>Someone else changed the complaint first; nothing was saved.</summary>
public sealed class ConcurrencyConflictException(string number)
    : Exception($"投诉 {number} 刚刚被其他人修改，请查看最新状态后再操作。")
{
    public const string RuleCode = "concurrency.changed";

    public string ComplaintNumber { get; } = number;
}
