using ComplaintDesk.Domain.Search;

namespace ComplaintDesk.Domain.Tests.Search;

public sealed class SearchTokensTests
{
    [Fact]
    public void AddText_Chinese_OverlappingPairs()
    {
        var tokens = new HashSet<string>();

        SearchTokens.AddText(tokens, "电梯故障，漏水");

        Assert.Equal(["电梯", "梯故", "故障", "漏水"], tokens);
    }

    [Fact]
    public void AddText_DigitsAndLatin_WholeRunsLowerCase()
    {
        var tokens = new HashSet<string>();

        SearchTokens.AddText(tokens, "B2车库12号ＡＢ");

        Assert.Equal(["b", "2", "车库", "12", "号", "ab"], tokens);
    }

    [Fact]
    public void ForComplaint_EveryField_ItsTokens()
    {
        var tokens = SearchTokens.ForComplaint("TS2026110042", "王小明", "+8613812345678", "3栋1单元1202", ["电梯停运", null, "回访满意"]);

        Assert.Subset(tokens, new HashSet<string>
        {
            "#2026110042", "#y2026", "#m202611", "#s0042",
            "王小", "小明", "王", "小", "明",
            "p:+8613812345678", "p4:5678",
            "r:3-1-1202", "r:3-1", "r:3", "1202", "单元",
            "电梯", "梯停", "停运", "回访", "访满", "满意",
        });
        Assert.All(tokens, t => Assert.InRange(t.Length, 1, SearchTokens.MaxLength));
    }

    [Fact]
    public void AddPhone_Landline_LastFourBeforeExtension()
    {
        var tokens = new HashSet<string>();

        SearchTokens.AddPhone(tokens, "+861012345678;ext=123");

        Assert.Contains("p4:5678", tokens);
    }

    [Theory]
    [InlineData("阳光花园3栋1单元1202", new[] { "3", "3-1", "3-1-1202" })]
    [InlineData("3-2-502", new[] { "3", "3-2", "3-2-502" })]
    [InlineData("12号楼地下车库", new[] { "12" })]
    [InlineData("小区东门", new string[0])]
    public void KeysIn_Location_EveryLevel(string location, string[] keys)
    {
        Assert.Equal(keys, RoomKey.KeysIn(location));
    }
}
