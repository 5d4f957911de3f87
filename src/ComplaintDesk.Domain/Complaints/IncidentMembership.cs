using System.Globalization;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>
/// How a complaint fits an incident: "同时…对同一问题" (3.1.2(e)) reads as the same project and topic, registered within the
/// group window of a member (docs/decisions/0008-procedure-readings.md §2). The project is checked by the caller and never
/// waived; another topic or a gap beyond the window makes the complaint an outlier that only a supervisor's written reason
/// links.
/// </summary>
/// <param name="OtherTopic">The complaint's topic (投诉事项) is not the incident's.</param>
/// <param name="Gap">Time between the complaint's registration and the nearest member's (the incident's creation while it has none).</param>
/// <param name="Window">The group window in force.</param>
public sealed record IncidentFit(bool OtherTopic, TimeSpan Gap, TimeSpan Window)
{
    public bool OutsideWindow => Gap > Window;

    public bool IsOutlier => OtherTopic || OutsideWindow;

    /// <param name="memberRegistrations">When the incident's members were registered (empty: none linked now).</param>
    public static IncidentFit Of(
        int incidentTopicId, DateTime incidentCreatedAt, IEnumerable<DateTime> memberRegistrations, int topicId, DateTime registeredAt, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(memberRegistrations);
        var anchors = memberRegistrations.DefaultIfEmpty(incidentCreatedAt);
        var gap = anchors.Min(at => (at - registeredAt).Duration());
        return new IncidentFit(topicId != incidentTopicId, gap, window);
    }

    /// <summary>Why the complaint is an outlier, in words for the supervisor and the timeline (empty when it is not).</summary>
    public string Describe(string incidentTopic, string topic)
    {
        var why = new List<string>();
        if (OtherTopic)
        {
            why.Add($"投诉事项不同（事件为「{incidentTopic}」，该投诉为「{topic}」）");
        }

        if (OutsideWindow)
        {
            why.Add($"登记时间与事件中最近的投诉相隔 {Hours(Gap)} 小时，超过群体投诉归并时间窗 {Hours(Window)} 小时");
        }

        return string.Join("；", why);
    }

    private static string Hours(TimeSpan span) => Math.Round(span.TotalHours, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
