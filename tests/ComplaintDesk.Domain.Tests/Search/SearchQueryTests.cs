using ComplaintDesk.Domain.Search;

namespace ComplaintDesk.Domain.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    public void TryParse_PhoneWrittenAnyWay_OnePhoneClause(string typed)
    {
        Assert.True(SearchQuery.TryParse(typed, out var query, out _));

        Assert.Equal(SearchKind.Phone, query.Kind);
        Assert.Equal(["p:+8613812345678"], Assert.Single(query.Clauses));
    }

    [Fact]
    public void TryParse_FourDigits_PhoneOrNumberOrTextLastFour()
    {
        Assert.True(SearchQuery.TryParse("0042", out var query, out _));

        Assert.Equal(SearchKind.Last4, query.Kind);
        Assert.Equal(["p4:0042", "#s0042", "0042"], Assert.Single(query.Clauses));
    }

    [Theory]
    [InlineData("TS2026110042", "#2026110042")]
    [InlineData("ts2026110042", "#2026110042")]
    [InlineData("TS202611", "#m202611")]
    [InlineData("TS2026", "#y2026")]
    public void TryParse_Number_WholeOrPrefix(string typed, string token)
    {
        Assert.True(SearchQuery.TryParse(typed, out var query, out _));

        Assert.Equal(SearchKind.Number, query.Kind);
        Assert.Equal([token], Assert.Single(query.Clauses));
        Assert.Null(query.NumberPrefix);
    }

    [Fact]
    public void TryParse_NumberPrefixFinerThanMonth_MonthAndPrefix()
    {
        Assert.True(SearchQuery.TryParse("TS2026110", out var query, out _));

        Assert.Equal(["#m202611"], Assert.Single(query.Clauses));
        Assert.Equal("TS2026110", query.NumberPrefix);
    }

    [Fact]
    public void TryParse_NumberPrefixOfFiveDigits_TheMonthsItCovers()
    {
        Assert.True(SearchQuery.TryParse("TS20261", out var query, out _));

        Assert.Equal(["#m202610", "#m202611", "#m202612"], Assert.Single(query.Clauses));
    }

    [Fact]
    public void TryParse_NumberWithoutYear_Refused()
    {
        Assert.False(SearchQuery.TryParse("TS20", out _, out var error));

        Assert.Equal(SearchQuery.NumberTooShortMessage, error);
    }

    [Theory]
    [InlineData("3栋1单元1202", "r:3-1-1202")]
    [InlineData("3-1-1202", "r:3-1-1202")]
    [InlineData("３栋１单元１２０２室", "r:3-1-1202")]
    [InlineData("3号楼1单元1202", "r:3-1-1202")]
    [InlineData("3栋", "r:3")]
    [InlineData("3栋1单元", "r:3-1")]
    [InlineData("3-1", "r:3-1")]
    public void TryParse_Room_OneKeyHoweverWritten(string typed, string token)
    {
        Assert.True(SearchQuery.TryParse(typed, out var query, out _));

        Assert.Equal(SearchKind.Room, query.Kind);
        Assert.Equal([token], Assert.Single(query.Clauses));
    }

    [Theory]
    [InlineData("电梯", "电梯")]
    [InlineData("漏水", "漏水")]
    [InlineData("停车", "停车")]
    public void TryParse_TwoCharacterWord_OnePair(string typed, string token)
    {
        Assert.True(SearchQuery.TryParse(typed, out var query, out _));

        Assert.Equal(SearchKind.Words, query.Kind);
        Assert.Equal([token], Assert.Single(query.Clauses));
    }

    [Fact]
    public void TryParse_SeveralWords_EveryPairOfEachRequired()
    {
        Assert.True(SearchQuery.TryParse("电梯故障 漏水", out var query, out _));

        Assert.Equal([["电梯"], ["梯故"], ["故障"], ["漏水"]], query.Clauses.Select(c => c.ToArray()).ToArray());
        Assert.Equal(["电梯故障", "漏水"], query.Highlights);
    }

    [Fact]
    public void TryParse_MixedChineseAndDigits_RunsApart()
    {
        Assert.True(SearchQuery.TryParse("车位12号", out var query, out _));

        Assert.Equal([["车位"], ["12"], ["号"]], query.Clauses.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void TryParse_FullWidthDigitsAndLetters_AsHalfWidth()
    {
        Assert.True(SearchQuery.TryParse("ＡＢＣ漏水１２", out var query, out _));

        Assert.Equal([["abc"], ["漏水"], ["12"]], query.Clauses.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void TryParse_Surname_OneCharacter()
    {
        Assert.True(SearchQuery.TryParse("王", out var query, out _));

        Assert.Equal(["王"], Assert.Single(query.Clauses));
    }

    [Theory]
    [InlineData("\"电梯\"", "电梯")]
    [InlineData("电梯*", "电梯")]
    [InlineData("-电梯", "电梯")]
    [InlineData("(电梯", "电梯")]
    [InlineData("电梯 OR", "or")]
    [InlineData("NEAR(电梯)", "near")]
    [InlineData("' OR 1=1 --", "or")]
    public void TryParse_Operators_SearchedAsText(string typed, string token)
    {
        Assert.True(SearchQuery.TryParse(typed, out var query, out _));

        Assert.Contains(query.Clauses, c => c.Count == 1 && c[0] == token);
        Assert.All(query.Clauses, c => Assert.All(c, t => Assert.True(t.All(char.IsLetterOrDigit), t)));
    }

    [Theory]
    [InlineData("***")]
    [InlineData("()")]
    [InlineData("\"\"")]
    [InlineData("-")]
    public void TryParse_OnlySymbols_RefusedWithMessage(string typed)
    {
        Assert.False(SearchQuery.TryParse(typed, out _, out var error));

        Assert.Equal(SearchQuery.NothingToSearchMessage, error);
    }

    [Fact]
    public void TryParse_ThousandCharacters_Refused()
    {
        Assert.False(SearchQuery.TryParse(new string('电', 1000), out _, out var error));

        Assert.Equal(SearchQuery.TooLongMessage, error);
    }

    [Fact]
    public void TryParse_ManyWords_Refused()
    {
        Assert.False(SearchQuery.TryParse(string.Join(' ', Enumerable.Range(0, 20).Select(i => "w" + i)), out _, out var error));

        Assert.Equal(SearchQuery.TooManyWordsMessage, error);
    }

    [Fact]
    public void TryParse_LongPhrase_EveryOtherPairCoveringEachCharacter()
    {
        Assert.True(SearchQuery.TryParse("楼上卫生间漏水", out var query, out _));

        // 楼上 上卫 卫生 生间 间漏 漏水 → 楼上 卫生 间漏 漏水.
        Assert.Equal([["楼上"], ["卫生"], ["间漏"], ["漏水"]], query.Clauses.Select(c => c.ToArray()).ToArray());
    }
}
