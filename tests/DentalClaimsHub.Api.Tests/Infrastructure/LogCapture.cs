using System.Collections.Concurrent;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event of a test host, rendered with all its properties, for PHI scans.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyCollection<string> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        var text = new StringBuilder(logEvent.RenderMessage());
        foreach (var (name, value) in logEvent.Properties)
        {
            text.Append(' ').Append(name).Append('=').Append(value);
        }

        if (logEvent.Exception is { } exception)
        {
            text.Append(' ').Append(exception);
        }

        _events.Enqueue(text.ToString());
    }

    /// <summary>Events containing any of <paramref name="secrets"/> (case-insensitive).</summary>
    public IReadOnlyList<string> Containing(params string[] secrets) =>
        [.. _events.Where(e => secrets.Any(s => e.Contains(s, StringComparison.OrdinalIgnoreCase)))];
}
