namespace ComplaintDesk.Domain.Classification;

/// <summary>
/// Procedure 3.1 as one pure function: facts + policy → type, severity and the clauses that fired.
/// The rules stand in the procedure's order; each cites its clause.
/// </summary>
public static class Classifier
{
    public static ClassificationResult Classify(ClassificationFacts facts, ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);

        var clauses = new List<ClauseHit>();

        // 3.1.1: the type follows from the cause alone.
        var type = facts.Cause switch
        {
            Cause.ManagementService => ComplaintType.A,
            Cause.EngineeringQuality => ComplaintType.B,
            Cause.External => ComplaintType.C,
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Cause, "未知的投诉原因。"),
        };
        clauses.Add(type switch
        {
            ComplaintType.A => new ClauseHit(ClauseCodes.TypeA, "物业管理或服务不到位引起的投诉，为A类有效投诉，需按程度分级。"),
            ComplaintType.B => new ClauseHit(ClauseCodes.TypeB, "工程遗留或房屋质量问题引起的投诉，为B类投诉，不分级。"),
            _ => new ClauseHit(ClauseCodes.TypeC, "外部环境、非管辖区域或其他社会问题引起的投诉，为C类投诉，不分级。"),
        });

        if (type != ComplaintType.A)
        {
            return new ClassificationResult(type, null, clauses, FlagsOf(facts, policy));
        }

        // 3.1.2: major if any of its cases applies; every case that applies is recorded.
        var major = new List<ClauseHit>();
        // 3.1.2 itself: "造成经济或人身伤害损失" — any economic loss or an injury; the loss need not be major.
        if (facts.Accident && (facts.Injury || facts.EconomicLoss || facts.MediaExposure))
        {
            major.Add(new ClauseHit(ClauseCodes.Major, AccidentExplanation(facts)));
        }

        if (facts.PromisedServiceNotDelivered && facts.TimesRaisedUnresolved >= policy.RaisesForMajor)
        {
            major.Add(new ClauseHit(ClauseCodes.MajorRepeatedPromise,
                $"公司承诺或合同约定的服务未落实，业主已反映 {facts.TimesRaisedUnresolved} 次（达到 {policy.RaisesForMajor} 次）仍未解决，属重大投诉。"));
        }

        // 3.1.2(b): only here must the loss be major, and the company responsible.
        if (facts.CompanyAtFault && (facts.Injury || facts.MajorEconomicLoss))
        {
            major.Add(new ClauseHit(ClauseCodes.MajorCompanyFault, facts.Injury
                ? "因公司责任给业主造成人身伤害，属重大投诉。"
                : "因公司责任给业主造成重大经济损失，属重大投诉。"));
        }

        if (facts.DaysUnresolved >= policy.DaysUnresolvedForMajor)
        {
            major.Add(new ClauseHit(ClauseCodes.MajorUnresolved,
                $"有效投诉已 {facts.DaysUnresolved} 天未得到解决（达到 {policy.DaysUnresolvedForMajor} 天），升级为重大投诉。"));
        }

        if (facts.GovernmentReferralWithSocialImpact)
        {
            major.Add(new ClauseHit(ClauseCodes.MajorGovernment, "由政府或上级主管部门反馈且造成一定社会影响，属重大投诉。"));
        }

        if (facts.GroupSize >= policy.GroupComplainantCount)
        {
            major.Add(new ClauseHit(ClauseCodes.MajorGroup,
                $"{facts.GroupSize} 人对同一问题投诉（达到 {policy.GroupComplainantCount} 人），属群体投诉，为重大投诉。"));
        }

        if (major.Count > 0)
        {
            clauses.AddRange(major);
            return new ClassificationResult(type, Severity.Major, clauses, []);
        }

        // 3.1.3: the company's staff or management were at fault.
        if (facts.CompanyAtFault)
        {
            clauses.Add(new ClauseHit(ClauseCodes.Important, "因公司管理服务不到位、有人为过失造成业主不满，属重要投诉。"));
            return new ClassificationResult(type, Severity.Important, clauses, []);
        }

        // 3.1.4: everything else.
        clauses.Add(new ClauseHit(ClauseCodes.Minor, "因设施设备或管理水平有限、非人为或个别偶然因素造成的一般不满，属轻微投诉。"));
        return new ClassificationResult(type, Severity.Minor, clauses, []);
    }

    private static string AccidentExplanation(ClassificationFacts facts)
    {
        var harm = (facts.Injury, facts.EconomicLoss) switch
        {
            (true, true) => facts.LossIsMajor ? "人身伤害和重大经济损失" : "人身伤害和经济损失",
            (true, false) => "人身伤害",
            (false, true) => facts.LossIsMajor ? "重大经济损失" : "经济损失（不论损失是否重大）",
            _ => null,
        };
        return harm is null
            ? "发生事故并被媒体曝光，属重大投诉。"
            : $"发生事故并造成{harm}{(facts.MediaExposure ? "，且被媒体曝光" : string.Empty)}，属重大投诉。";
    }

    /// <summary>Flags of a B or C complaint: the facts that would have made an A complaint serious.</summary>
    private static List<ComplaintFlag> FlagsOf(ClassificationFacts facts, ClassificationPolicy policy)
    {
        var flags = new List<ComplaintFlag>();
        if (facts.GroupSize >= policy.GroupComplainantCount)
        {
            flags.Add(ComplaintFlag.Group);
        }

        if (facts.GovernmentReferralWithSocialImpact)
        {
            flags.Add(ComplaintFlag.GovernmentReferral);
        }

        if (facts.MediaExposure)
        {
            flags.Add(ComplaintFlag.Media);
        }

        if (facts.Accident || facts.Injury || facts.MajorEconomicLoss)
        {
            flags.Add(ComplaintFlag.AccidentOrInjury);
        }

        return flags;
    }
}
