using ComplaintDesk.Domain.Classification;

namespace ComplaintDesk.Domain.TimeLimits;

/// <summary>The time limits of domain.md, measured in clock hours from registration; all are settings.</summary>
public sealed record TimeLimitPolicy
{
    public TimeSpan Dispatch { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan ResolutionMinor { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan ResolutionImportant { get; init; } = TimeSpan.FromHours(72);

    public TimeSpan ResolutionMajor { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan ResolutionB { get; init; } = TimeSpan.FromDays(15);

    public TimeSpan ResolutionC { get; init; } = TimeSpan.FromHours(48);

    /// <summary>A major complaint in progress needs a progress entry at least this often.</summary>
    public TimeSpan MajorProgressInterval { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan FollowUp { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Failed follow-up attempts after which a supervisor may close as 无法联系.</summary>
    public int FollowUpAttemptsBeforeUnreachable { get; init; } = 3;

    public static TimeLimitPolicy Default { get; } = new();

    public TimeSpan ResolutionLimit(ComplaintType type, Severity? severity) => type switch
    {
        ComplaintType.B => ResolutionB,
        ComplaintType.C => ResolutionC,
        _ => severity switch
        {
            Severity.Major => ResolutionMajor,
            Severity.Important => ResolutionImportant,
            _ => ResolutionMinor,
        },
    };

    /// <summary>Problems with the values, in Chinese; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(Dispatch, "派单时限", TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Check(ResolutionMinor, "轻微投诉处理时限", TimeSpan.FromHours(1), TimeSpan.FromDays(90));
        Check(ResolutionImportant, "重要投诉处理时限", TimeSpan.FromHours(1), TimeSpan.FromDays(90));
        Check(ResolutionMajor, "重大投诉处理时限", TimeSpan.FromHours(1), TimeSpan.FromDays(90));
        Check(ResolutionB, "B类投诉处理时限", TimeSpan.FromHours(1), TimeSpan.FromDays(365));
        Check(ResolutionC, "C类投诉处理时限", TimeSpan.FromHours(1), TimeSpan.FromDays(90));
        Check(MajorProgressInterval, "重大投诉进展报告间隔", TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        Check(FollowUp, "回访时限", TimeSpan.FromHours(1), TimeSpan.FromDays(90));
        if (FollowUpAttemptsBeforeUnreachable is < 1 or > 20)
        {
            errors.Add("无法联系结案前的回访尝试次数必须在 1 到 20 之间。");
        }

        return errors;

        void Check(TimeSpan value, string name, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                errors.Add($"{name}必须在 {Describe(min)} 到 {Describe(max)} 之间。");
            }
        }
    }

    /// <summary>A span in Chinese words: "20 分钟", "24 小时", "7 天".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span.TotalDays >= 1 && span.TotalHours % 24 == 0)
        {
            return $"{span.TotalDays:0} 天";
        }

        if (span.TotalHours >= 1 && span.TotalMinutes % 60 == 0)
        {
            return $"{span.TotalHours:0} 小时";
        }

        return $"{Math.Round(span.TotalMinutes):0} 分钟";
    }
}
