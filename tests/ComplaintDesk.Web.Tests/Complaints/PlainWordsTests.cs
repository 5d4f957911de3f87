using ComplaintDesk.Web.Features.Complaints;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed class PlainWordsTests
{
    [Theory]
    [InlineData("A/轻微 [3.1.1(a);3.1.4] → A/重大 [3.1.1(a);3.1.2(c)]", "A类轻微 → A类重大（3.1.2(c) 一个月未解决，不再适用 3.1.4 一般不满）")]
    [InlineData("A/轻微 [3.1.1(a);3.1.4] → A/轻微 [3.1.1(a);3.1.4]", "A类轻微 → A类轻微（依据条款不变）")]
    [InlineData("A/重要 [3.1.1(a);3.1.3] → B/不分级 [3.1.1(b)]", "A类重要 → B类（3.1.1(b) 工程遗留或房屋质量问题，不再适用 3.1.1(a) 物业管理或服务不到位；3.1.3 人为过失）")]
    [InlineData("工程部 → 客服部", "工程部 → 客服部")]
    [InlineData("", "")]
    public void ClassificationChange_TimelineDetail_ReadsAsASentence(string detail, string expected)
    {
        Assert.Equal(expected, PlainWords.ClassificationChange(detail));
    }

    [Fact]
    public void Clauses_Codes_EachWithItsMeaning()
    {
        Assert.Equal("3.1.1(a) 物业管理或服务不到位；3.1.2(e) 群体投诉；9.9", PlainWords.Clauses("3.1.1(a);3.1.2(e);9.9"));
    }

    [Theory]
    [InlineData("Asia/Shanghai", "北京时间")]
    [InlineData("Asia/Hong_Kong", "香港时间")]
    [InlineData("UTC", "协调世界时（UTC）")]
    public void Zone_KnownIds_NamedForPeople(string id, string expected)
    {
        Assert.Equal(expected, PlainWords.Zone(TimeZoneInfo.FindSystemTimeZoneById(id)));
    }
}
