using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Procedure;

namespace ComplaintDesk.Domain.Tests.Procedure;

public class ProcedurePolicyTests
{
    private static readonly ProcedurePolicy _default = ProcedurePolicy.Default;

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(_default.Validate());

    [Fact]
    public void Validate_EveryPartOutOfRange_EachProblemReported()
    {
        var policy = _default with
        {
            Classification = _default.Classification with { GroupComplainantCount = 1 },
            TimeLimits = _default.TimeLimits with { Dispatch = TimeSpan.Zero },
            GroupWindow = TimeSpan.FromDays(31),
            RepeatWindowDays = -1,
            ClockIntervalSeconds = 5,
        };

        Assert.Equal(
            [
                "群体投诉人数阈值必须在 2 到 10000 之间。",
                "派单时限必须在 1 分钟 到 7 天 之间。",
                "群体投诉归并时间窗必须在 1 到 720 小时之间。",
                "重复反映识别期必须在 0 到 365 天之间。",
                "时限检查间隔必须在 10 到 3600 秒之间。",
            ],
            policy.Validate());
    }

    [Fact]
    public void RequiresClockReview_TimeLimitChanged_True() =>
        Assert.True((_default with { TimeLimits = _default.TimeLimits with { ResolutionImportant = TimeSpan.FromHours(48) } }).RequiresClockReview(_default));

    [Fact]
    public void RequiresClockReview_UnresolvedDaysChanged_True() =>
        Assert.True((_default with { Classification = _default.Classification with { DaysUnresolvedForMajor = 20 } }).RequiresClockReview(_default));

    [Fact]
    public void RequiresClockReview_ThresholdsOrWindowsOnly_False()
    {
        var policy = _default with
        {
            Classification = new ClassificationPolicy { RaisesForMajor = 3, GroupComplainantCount = 5 },
            GroupWindow = TimeSpan.FromHours(24),
            RepeatWindowDays = 7,
            ClockIntervalSeconds = 30,
        };

        Assert.False(policy.RequiresClockReview(_default));
    }

    [Fact]
    public void ClauseCodes_Includes_WholeCodesOnly()
    {
        Assert.True(ClauseCodes.Includes("3.1.1(a);3.1.2(c)", ClauseCodes.MajorUnresolved));
        Assert.False(ClauseCodes.Includes("3.1.1(a);3.1.2(c)", ClauseCodes.Major));
        Assert.True(ClauseCodes.IsMajor(ClauseCodes.MajorGroup));
        Assert.False(ClauseCodes.IsMajor(ClauseCodes.Important));
    }
}
