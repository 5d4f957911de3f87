namespace ComplaintDesk.Domain.Tests.TestSupport;

public static class Chinese
{
    /// <summary>Whether the text holds at least one CJK ideograph.</summary>
    public static bool IsIn(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
