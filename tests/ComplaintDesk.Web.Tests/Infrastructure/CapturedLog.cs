using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>What one test host logged (a Serilog sink registered as a service of that host, not the static logger).</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The request log lines (Serilog's request logging) for a path.</summary>
    public IReadOnlyList<LogEvent> RequestsTo(string path) =>
        Events.Where(e => e.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string p } && p == path
            && e.Properties.ContainsKey("StatusCode")).ToList();
}
