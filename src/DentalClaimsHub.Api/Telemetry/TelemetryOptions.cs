namespace DentalClaimsHub.Api.Telemetry;

/// <summary>The <c>Telemetry</c> section: where traces and metrics go.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The OpenTelemetry service name every instance reports under.</summary>
    public string ServiceName { get; set; } = "dentalclaimshub";

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Also write spans and metrics to standard output (development).</summary>
    public bool Console { get; set; }

    /// <summary>Serve the metrics in Prometheus text format at <c>/metrics</c>.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Record traces; by default only when they go somewhere (an OTLP endpoint or the console).</summary>
    public bool? Tracing { get; set; }

    internal bool TracingEnabled => Tracing ?? (Otlp.Enabled || Console);

    internal bool MetricsEnabled => Prometheus || Otlp.Enabled || Console;
}

public sealed class OtlpOptions
{
    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c>; empty turns OTLP export off.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318, the signal path is appended).</summary>
    public string Protocol { get; set; } = "grpc";

    internal bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
