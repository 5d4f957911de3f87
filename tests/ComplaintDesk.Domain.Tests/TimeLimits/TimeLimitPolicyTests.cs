using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Tests.TestSupport;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Tests.TimeLimits;

public class TimeLimitPolicyTests
{
    [Fact]
    public void Validate_Default_HasNoErrors()
    {
        Assert.Empty(TimeLimitPolicy.Default.Validate());
    }

    [Theory]
    [InlineData(nameof(TimeLimitPolicy.Dispatch), 0)]
    [InlineData(nameof(TimeLimitPolicy.Dispatch), -20)]
    [InlineData(nameof(TimeLimitPolicy.Dispatch), (7 * 24 * 60) + 1)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionMinor), 0)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionImportant), 59)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionMajor), (90 * 24 * 60) + 1)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionB), (365 * 24 * 60) + 1)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionC), -60)]
    [InlineData(nameof(TimeLimitPolicy.MajorProgressInterval), 30)]
    [InlineData(nameof(TimeLimitPolicy.FollowUp), 0)]
    public void Validate_LimitOutOfRange_ReportsOneChineseError(string limit, int minutes)
    {
        var error = Assert.Single(With(limit, TimeSpan.FromMinutes(minutes)).Validate());

        Assert.True(Chinese.IsIn(error), error);
    }

    [Theory]
    [InlineData(nameof(TimeLimitPolicy.Dispatch), 1)]
    [InlineData(nameof(TimeLimitPolicy.Dispatch), 7 * 24 * 60)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionMinor), 60)]
    [InlineData(nameof(TimeLimitPolicy.ResolutionB), 365 * 24 * 60)]
    public void Validate_LimitAtItsBounds_HasNoErrors(string limit, int minutes)
    {
        Assert.Empty(With(limit, TimeSpan.FromMinutes(minutes)).Validate());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Validate_FollowUpAttempts_OneToTwenty(int attempts, bool valid)
    {
        var policy = new TimeLimitPolicy { FollowUpAttemptsBeforeUnreachable = attempts };

        Assert.Equal(valid, policy.Validate().Count == 0);
    }

    [Theory]
    [InlineData(ComplaintType.A, Severity.Minor, 24)]
    [InlineData(ComplaintType.A, Severity.Important, 72)]
    [InlineData(ComplaintType.A, Severity.Major, 168)]
    [InlineData(ComplaintType.B, null, 360)]
    [InlineData(ComplaintType.C, null, 48)]
    public void ResolutionLimit_Default_MatchesDomainTable(ComplaintType type, Severity? severity, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), TimeLimitPolicy.Default.ResolutionLimit(type, severity));
    }

    [Fact]
    public void Defaults_MatchDomainTable()
    {
        var limits = TimeLimitPolicy.Default;

        Assert.Equal(TimeSpan.FromMinutes(20), limits.Dispatch);
        Assert.Equal(TimeSpan.FromHours(24), limits.MajorProgressInterval);
        Assert.Equal(TimeSpan.FromHours(72), limits.FollowUp);
        Assert.Equal(3, limits.FollowUpAttemptsBeforeUnreachable);
    }

    [Theory]
    [InlineData(20, "20 分钟")]
    [InlineData(24 * 60, "1 天")]
    [InlineData(72 * 60, "3 天")]
    [InlineData(5 * 60, "5 小时")]
    [InlineData(90, "90 分钟")]
    public void Describe_Span_ChineseWords(int minutes, string words)
    {
        Assert.Equal(words, TimeLimitPolicy.Describe(TimeSpan.FromMinutes(minutes)));
    }

    private static TimeLimitPolicy With(string limit, TimeSpan value) => limit switch
    {
        nameof(TimeLimitPolicy.Dispatch) => new TimeLimitPolicy { Dispatch = value },
        nameof(TimeLimitPolicy.ResolutionMinor) => new TimeLimitPolicy { ResolutionMinor = value },
        nameof(TimeLimitPolicy.ResolutionImportant) => new TimeLimitPolicy { ResolutionImportant = value },
        nameof(TimeLimitPolicy.ResolutionMajor) => new TimeLimitPolicy { ResolutionMajor = value },
        nameof(TimeLimitPolicy.ResolutionB) => new TimeLimitPolicy { ResolutionB = value },
        nameof(TimeLimitPolicy.ResolutionC) => new TimeLimitPolicy { ResolutionC = value },
        nameof(TimeLimitPolicy.MajorProgressInterval) => new TimeLimitPolicy { MajorProgressInterval = value },
        nameof(TimeLimitPolicy.FollowUp) => new TimeLimitPolicy { FollowUp = value },
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };
}
