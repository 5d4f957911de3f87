using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

public class DeadlineTests
{
    private static readonly DateTime _due = Given.T0.AddHours(24);

    [Theory]
    [InlineData(-60, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData((24 * 60) - 1, 1)]
    [InlineData(24 * 60, 2)]
    [InlineData(24 * 60 * 5, 2)]
    public void LevelAt_MinutesAfterDue_ZeroOneOrTwo(int minutesAfterDue, int level)
    {
        var deadline = new Deadline(DeadlineKind.Resolution, _due, TimeSpan.FromHours(24), null);

        Assert.Equal(level, deadline.LevelAt(_due.AddMinutes(minutesAfterDue)));
    }

    [Fact]
    public void LevelAt_MetLate_Zero()
    {
        var deadline = new Deadline(DeadlineKind.Dispatch, _due, TimeSpan.FromMinutes(20), _due.AddHours(1));

        Assert.Equal(0, deadline.LevelAt(_due.AddDays(1)));
        Assert.True(deadline.WasMetLate);
        Assert.False(deadline.IsPending);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(90, 90)]
    public void OverdueBy_MinutesAfterDue_TimePastDue(int minutesAfterDue, int overdueMinutes)
    {
        var deadline = new Deadline(DeadlineKind.FollowUp, _due, TimeSpan.FromHours(72), null);

        Assert.Equal(TimeSpan.FromMinutes(overdueMinutes), deadline.OverdueBy(_due.AddMinutes(minutesAfterDue)));
    }

    [Theory]
    [InlineData(DeadlineKind.Dispatch, "派单")]
    [InlineData(DeadlineKind.Resolution, "处理")]
    [InlineData(DeadlineKind.Progress, "进展报告")]
    [InlineData(DeadlineKind.FollowUp, "回访")]
    public void LabelOf_Kind_IsChinese(DeadlineKind kind, string label)
    {
        Assert.Equal(label, Deadline.LabelOf(kind));
    }
}
