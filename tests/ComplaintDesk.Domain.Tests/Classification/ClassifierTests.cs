using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Tests.TestSupport;

namespace ComplaintDesk.Domain.Tests.Classification;

/// <summary>Procedure 3.1, clause by clause. Facts are written as in <see cref="FactsSpec"/>.</summary>
public class ClassifierTests
{
    private static ClassificationResult Classify(Cause cause, string facts, ClassificationPolicy? policy = null) =>
        Classifier.Classify(FactsSpec.Parse(cause, facts), policy ?? ClassificationPolicy.Default);

    [Theory]
    [InlineData(Cause.ManagementService, ComplaintType.A, "3.1.1(a)")]
    [InlineData(Cause.EngineeringQuality, ComplaintType.B, "3.1.1(b)")]
    [InlineData(Cause.External, ComplaintType.C, "3.1.1(c)")]
    public void Classify_Cause_DecidesTypeUnder311(Cause cause, ComplaintType type, string clause)
    {
        var result = Classify(cause, string.Empty);

        Assert.Equal(type, result.Type);
        Assert.Equal(clause, result.Clauses[0].Code);
        Assert.Equal(type == ComplaintType.A, result.IsEffective);
    }

    [Theory]
    // 3.1.2: an accident with injury or loss, or with media exposure; media or injury alone is not enough.
    [InlineData("accident injury", Severity.Major, "3.1.1(a);3.1.2")]
    [InlineData("accident media", Severity.Major, "3.1.1(a);3.1.2")]
    [InlineData("accident media injury", Severity.Major, "3.1.1(a);3.1.2")]
    [InlineData("accident", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("media", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("injury", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("media fault", Severity.Important, "3.1.1(a);3.1.3")]
    // 3.1.2's own words, 造成经济或人身伤害损失: an accident with any economic loss is major; the loss need not be 重大.
    [InlineData("accident loss", Severity.Major, "3.1.1(a);3.1.2")]
    [InlineData("accident majorloss", Severity.Major, "3.1.1(a);3.1.2")]
    [InlineData("loss", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("majorloss", Severity.Minor, "3.1.1(a);3.1.4")]
    // 3.1.2(a): a promised service not delivered, raised twice (the policy default) without resolution.
    [InlineData("promised", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("promised raised=1", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("promised raised=2", Severity.Major, "3.1.1(a);3.1.2(a)")]
    [InlineData("promised raised=5", Severity.Major, "3.1.1(a);3.1.2(a)")]
    [InlineData("raised=2", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("raised=9", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("promised raised=1 fault", Severity.Important, "3.1.1(a);3.1.3")]
    // 3.1.2(b): the company's fault caused injury or a major economic loss.
    [InlineData("fault injury", Severity.Major, "3.1.1(a);3.1.2(b)")]
    [InlineData("accident injury fault", Severity.Major, "3.1.1(a);3.1.2;3.1.2(b)")]
    [InlineData("fault majorloss", Severity.Major, "3.1.1(a);3.1.2(b)")]
    [InlineData("accident majorloss fault", Severity.Major, "3.1.1(a);3.1.2;3.1.2(b)")]
    // An ordinary loss with the company's fault is not 3.1.2(b): it is 3.1.3 unless an accident makes it 3.1.2.
    [InlineData("fault loss", Severity.Important, "3.1.1(a);3.1.3")]
    [InlineData("accident loss fault", Severity.Major, "3.1.1(a);3.1.2")]
    // 3.1.2(c): 30 days unresolved.
    [InlineData("days=29", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("days=30", Severity.Major, "3.1.1(a);3.1.2(c)")]
    [InlineData("days=31", Severity.Major, "3.1.1(a);3.1.2(c)")]
    [InlineData("days=29 fault", Severity.Important, "3.1.1(a);3.1.3")]
    // 3.1.2(d): a government referral with social impact.
    [InlineData("gov", Severity.Major, "3.1.1(a);3.1.2(d)")]
    [InlineData("gov fault", Severity.Major, "3.1.1(a);3.1.2(d)")]
    // 3.1.2(e): 10 people, jointly or through linked complaints; the larger count counts, not the sum.
    [InlineData("people=9", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("people=10", Severity.Major, "3.1.1(a);3.1.2(e)")]
    [InlineData("linked=9", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData("linked=10", Severity.Major, "3.1.1(a);3.1.2(e)")]
    [InlineData("people=3 linked=10", Severity.Major, "3.1.1(a);3.1.2(e)")]
    [InlineData("people=9 linked=9", Severity.Minor, "3.1.1(a);3.1.4")]
    // 3.1.3 and 3.1.4.
    [InlineData("fault", Severity.Important, "3.1.1(a);3.1.3")]
    [InlineData("", Severity.Minor, "3.1.1(a);3.1.4")]
    // Every major clause that applies is recorded, in the procedure's order, and nothing below them.
    [InlineData("accident injury media fault promised raised=2 days=30 gov people=10", Severity.Major,
        "3.1.1(a);3.1.2;3.1.2(a);3.1.2(b);3.1.2(c);3.1.2(d);3.1.2(e)")]
    [InlineData("gov people=12 fault", Severity.Major, "3.1.1(a);3.1.2(d);3.1.2(e)")]
    public void Classify_ManagementServiceFacts_GradesBy312To314(string facts, Severity severity, string clauses)
    {
        var result = Classify(Cause.ManagementService, facts);

        Assert.Equal(ComplaintType.A, result.Type);
        Assert.Equal(severity, result.Severity);
        Assert.Equal(clauses, result.ClauseCodes);
        Assert.Equal(severity == Severity.Major, result.IsMajor);
        Assert.Empty(result.Flags);
    }

    [Theory]
    [InlineData(Cause.EngineeringQuality, "", "")]
    [InlineData(Cause.EngineeringQuality, "people=9", "")]
    [InlineData(Cause.EngineeringQuality, "people=10", "Group")]
    [InlineData(Cause.EngineeringQuality, "linked=10", "Group")]
    [InlineData(Cause.External, "gov", "GovernmentReferral")]
    [InlineData(Cause.External, "media", "Media")]
    [InlineData(Cause.EngineeringQuality, "accident", "AccidentOrInjury")]
    [InlineData(Cause.External, "injury", "AccidentOrInjury")]
    [InlineData(Cause.External, "majorloss", "AccidentOrInjury")]
    [InlineData(Cause.External, "loss", "")]
    [InlineData(Cause.EngineeringQuality, "fault promised raised=5 days=60", "")]
    [InlineData(Cause.External, "people=10 gov media accident injury", "Group;GovernmentReferral;Media;AccidentOrInjury")]
    public void Classify_EngineeringOrExternal_NeverGradedButFlagged(Cause cause, string facts, string flags)
    {
        var result = Classify(cause, facts);

        Assert.Null(result.Severity);
        Assert.False(result.IsEffective);
        Assert.False(result.IsMajor);
        var clause = Assert.Single(result.Clauses);
        Assert.Equal(cause == Cause.EngineeringQuality ? "3.1.1(b)" : "3.1.1(c)", clause.Code);
        Assert.Equal(flags, string.Join(';', result.Flags));
    }

    [Theory]
    [InlineData(Cause.ManagementService, "promised raised=2", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData(Cause.ManagementService, "promised raised=3", Severity.Major, "3.1.1(a);3.1.2(a)")]
    [InlineData(Cause.ManagementService, "days=9", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData(Cause.ManagementService, "days=10", Severity.Major, "3.1.1(a);3.1.2(c)")]
    [InlineData(Cause.ManagementService, "people=4", Severity.Minor, "3.1.1(a);3.1.4")]
    [InlineData(Cause.ManagementService, "people=5", Severity.Major, "3.1.1(a);3.1.2(e)")]
    [InlineData(Cause.ManagementService, "linked=5", Severity.Major, "3.1.1(a);3.1.2(e)")]
    [InlineData(Cause.EngineeringQuality, "people=5", null, "3.1.1(b)")]
    public void Classify_NonDefaultPolicy_ReadsThresholdsFromPolicy(Cause cause, string facts, Severity? severity, string clauses)
    {
        var policy = new ClassificationPolicy { RaisesForMajor = 3, DaysUnresolvedForMajor = 10, GroupComplainantCount = 5 };

        var result = Classify(cause, facts, policy);

        Assert.Equal(severity, result.Severity);
        Assert.Equal(clauses, result.ClauseCodes);
    }

    [Fact]
    public void Classify_NonDefaultPolicy_ExplanationCitesThreshold()
    {
        var policy = new ClassificationPolicy { RaisesForMajor = 3, GroupComplainantCount = 5 };

        var result = Classify(Cause.ManagementService, "promised raised=3 people=6", policy);

        Assert.Contains("达到 3 次", result.Clauses.Single(c => c.Code == "3.1.2(a)").Explanation, StringComparison.Ordinal);
        Assert.Contains("达到 5 人", result.Clauses.Single(c => c.Code == "3.1.2(e)").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EngineeringWithGroupFlag_FlagFollowsNonDefaultPolicy()
    {
        var policy = new ClassificationPolicy { GroupComplainantCount = 5 };

        Assert.Equal([ComplaintFlag.Group], Classify(Cause.EngineeringQuality, "people=5", policy).Flags);
        Assert.Empty(Classify(Cause.EngineeringQuality, "people=4", policy).Flags);
    }

    [Theory]
    [InlineData(Cause.ManagementService, "", "3.1.1(a)")]
    [InlineData(Cause.EngineeringQuality, "", "3.1.1(b)")]
    [InlineData(Cause.External, "", "3.1.1(c)")]
    [InlineData(Cause.ManagementService, "accident injury", "3.1.2")]
    [InlineData(Cause.ManagementService, "accident media", "3.1.2")]
    [InlineData(Cause.ManagementService, "promised raised=2", "3.1.2(a)")]
    [InlineData(Cause.ManagementService, "fault injury", "3.1.2(b)")]
    [InlineData(Cause.ManagementService, "accident loss", "3.1.2")]
    [InlineData(Cause.ManagementService, "fault majorloss", "3.1.2(b)")]
    [InlineData(Cause.ManagementService, "days=30", "3.1.2(c)")]
    [InlineData(Cause.ManagementService, "gov", "3.1.2(d)")]
    [InlineData(Cause.ManagementService, "people=10", "3.1.2(e)")]
    [InlineData(Cause.ManagementService, "fault", "3.1.3")]
    [InlineData(Cause.ManagementService, "", "3.1.4")]
    public void Classify_EveryClause_HasChineseExplanation(Cause cause, string facts, string code)
    {
        var clause = Classify(cause, facts).Clauses.Single(c => c.Code == code);

        Assert.True(Chinese.IsIn(clause.Explanation), clause.Explanation);
    }

    [Fact]
    public void Classify_AccidentWithMediaOnly_ExplanationNamesMedia()
    {
        var clause = Classify(Cause.ManagementService, "accident media").Clauses[1];

        Assert.Contains("媒体", clause.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accident loss", "3.1.2", "发生事故并造成经济损失（不论损失是否重大），属重大投诉。")]
    [InlineData("accident majorloss", "3.1.2", "发生事故并造成重大经济损失，属重大投诉。")]
    [InlineData("accident injury", "3.1.2", "发生事故并造成人身伤害，属重大投诉。")]
    [InlineData("accident injury loss media", "3.1.2", "发生事故并造成人身伤害和经济损失，且被媒体曝光，属重大投诉。")]
    [InlineData("fault majorloss", "3.1.2(b)", "因公司责任给业主造成重大经济损失，属重大投诉。")]
    [InlineData("fault injury", "3.1.2(b)", "因公司责任给业主造成人身伤害，属重大投诉。")]
    public void Classify_LossFacts_ExplanationSaysWhichHarm(string facts, string code, string explanation)
    {
        Assert.Equal(explanation, Classify(Cause.ManagementService, facts).Clauses.Single(c => c.Code == code).Explanation);
    }

    [Fact]
    public void WithLegacyInjuryOrMajorLoss_OldQuestion_GivesTheClausesItGaveBefore()
    {
        var legacy = new ClassificationFacts(Cause.ManagementService).WithLegacyInjuryOrMajorLoss(true);

        Assert.Equal("3.1.1(a);3.1.4", Classifier.Classify(legacy, ClassificationPolicy.Default).ClauseCodes);
        Assert.Equal("3.1.1(a);3.1.2", Classifier.Classify(legacy with { Accident = true }, ClassificationPolicy.Default).ClauseCodes);
        Assert.Equal("3.1.1(a);3.1.2(b)", Classifier.Classify(legacy with { CompanyAtFault = true }, ClassificationPolicy.Default).ClauseCodes);
        Assert.Same(legacy, legacy.WithLegacyInjuryOrMajorLoss(false));
    }

    [Fact]
    public void Summary_MajorResult_ShowsTypeSeverityAndClauses()
    {
        Assert.Equal("A/重大 [3.1.1(a);3.1.2(d)]", Classify(Cause.ManagementService, "gov").Summary);
        Assert.Equal("B/不分级 [3.1.1(b)]", Classify(Cause.EngineeringQuality, "gov").Summary);
    }
}
