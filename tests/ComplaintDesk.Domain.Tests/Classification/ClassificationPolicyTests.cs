using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Classification;

public class ClassificationPolicyTests
{
    [Fact]
    public void Validate_Default_HasNoErrors()
    {
        Assert.Empty(ClassificationPolicy.Default.Validate());
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(100, 366, 10_000)]
    [InlineData(3, 10, 5)]
    public void Validate_ValuesInRange_HasNoErrors(int raises, int days, int people)
    {
        var policy = new ClassificationPolicy { RaisesForMajor = raises, DaysUnresolvedForMajor = days, GroupComplainantCount = people };

        Assert.Empty(policy.Validate());
    }

    [Theory]
    [InlineData(1, 30, 10)]
    [InlineData(0, 30, 10)]
    [InlineData(101, 30, 10)]
    [InlineData(2, 0, 10)]
    [InlineData(2, -30, 10)]
    [InlineData(2, 367, 10)]
    [InlineData(2, 30, 1)]
    [InlineData(2, 30, 0)]
    [InlineData(2, 30, 10_001)]
    public void Validate_OneValueOutOfRange_ReportsOneChineseError(int raises, int days, int people)
    {
        var policy = new ClassificationPolicy { RaisesForMajor = raises, DaysUnresolvedForMajor = days, GroupComplainantCount = people };

        var error = Assert.Single(policy.Validate());
        Assert.True(Chinese.IsIn(error), error);
    }

    [Fact]
    public void Validate_EveryValueOutOfRange_ReportsEachError()
    {
        var policy = new ClassificationPolicy { RaisesForMajor = 0, DaysUnresolvedForMajor = 0, GroupComplainantCount = 0 };

        Assert.Equal(3, policy.Validate().Count);
    }
}
