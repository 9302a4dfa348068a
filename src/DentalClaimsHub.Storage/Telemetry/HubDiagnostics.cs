using System.Diagnostics;

namespace DentalClaimsHub.Storage.Telemetry;

/// <summary>
/// Names the hub's own traces and metrics go under. Every project that records them uses these names (the adapters, which
/// do not see this project, repeat the meter name), so one <c>AddSource("DentalClaimsHub.*")</c> and one
/// <c>AddMeter("DentalClaimsHub")</c> collect everything. Span and tag values carry ids and codes, never PHI.
/// </summary>
public static class HubDiagnostics
{
    /// <summary>The meter every hub instrument belongs to.</summary>
    public const string MeterName = "DentalClaimsHub";

    /// <summary>Prefix of every hub activity source.</summary>
    public const string SourcePrefix = "DentalClaimsHub.";

    /// <summary>Outbox dispatch: one span per published row, parented by the trace that wrote the row.</summary>
    public static readonly ActivitySource Outbox = new(SourcePrefix + "Outbox");

    /// <summary>
    /// Starts a root span for background work (a sweep, a poll): whatever the ambient activity is, the work gets a trace of
    /// its own instead of joining some long-lived one.
    /// </summary>
    public static Activity? StartRoot(this ActivitySource source, string name, ActivityKind kind = ActivityKind.Internal)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            return source.StartActivity(name, kind, parentContext: default);
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = ambient;
            }
        }
    }
}
