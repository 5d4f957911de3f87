namespace ComplaintDesk.Domain.Classification;

/// <summary>Thresholds of procedure 3.1.2; administrators change them, the code never hard-codes them.</summary>
public sealed record ClassificationPolicy
{
    /// <summary>3.1.2(a): raises without resolution that make an undelivered promised service major.</summary>
    public int RaisesForMajor { get; init; } = 2;

    /// <summary>3.1.2(c): calendar days unresolved that make an A complaint major.</summary>
    public int DaysUnresolvedForMajor { get; init; } = 30;

    /// <summary>3.1.2(e): complainants about one problem that make a group complaint.</summary>
    public int GroupComplainantCount { get; init; } = 10;

    /// <summary>Raises without resolution that mark a complaint as a repeat complaint (重复投诉), counted by the report.</summary>
    public int RepeatRaises { get; init; } = 2;

    public static ClassificationPolicy Default { get; } = new();

    /// <summary>Problems with the values, in Chinese; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RaisesForMajor is < 2 or > 100)
        {
            errors.Add("重大投诉的反映次数阈值必须在 2 到 100 之间。");
        }

        if (RepeatRaises is < 2 or > 100)
        {
            errors.Add("重复投诉的反映次数阈值必须在 2 到 100 之间。");
        }

        if (DaysUnresolvedForMajor is < 1 or > 366)
        {
            errors.Add("未解决升级为重大投诉的天数必须在 1 到 366 之间。");
        }

        if (GroupComplainantCount is < 2 or > 10_000)
        {
            errors.Add("群体投诉人数阈值必须在 2 到 10000 之间。");
        }

        return errors;
    }
}
