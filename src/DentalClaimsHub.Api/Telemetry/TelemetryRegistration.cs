using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Storage.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DentalClaimsHub.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the host (section <c>Telemetry</c>). Traces: ASP.NET Core, HttpClient (payers and webhooks, with W3C
/// <c>traceparent</c> on every outbound call), Npgsql, MassTransit and the hub's own sources, so one claim is one trace from
/// <c>POST /v1/claims</c> through the outbox and the consumer to the payer. Metrics: the hub's meter (outbox depth, claims per
/// state, payer latency and circuits, claims submitted and delivered, the hub's own time in requests that call payers) plus
/// ASP.NET Core, HttpClient, Npgsql and the runtime.
/// Export over OTLP when <c>Telemetry:Otlp:Endpoint</c> is set, to the console when <c>Telemetry:Console</c>, and as
/// Prometheus text at <c>/metrics</c> unless <c>Telemetry:Prometheus</c> is false.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddHubTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        builder.Services.Configure<DatabaseGaugeOptions>(builder.Configuration.GetSection("Telemetry:Gauges"));
        builder.Services.AddSingleton<DatabaseGauges>();
        builder.Services.AddSingleton<ClaimMetrics>();
        builder.Services.AddSingleton<HubAddedTime>();
        builder.Services.Configure<PayerHttpOptions>(payers => payers.PropagateTraceContext = options.TracingEnabled);
        if (!options.TracingEnabled && !options.MetricsEnabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource
            .AddService(options.ServiceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString(),
                // Two instances on one machine (./hub run --scale) are told apart by their process id.
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"));
        if (options.TracingEnabled)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(HubDiagnostics.SourcePrefix + "*", "MassTransit")
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsPlumbing(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (options.Otlp.Enabled)
                {
                    tracing.AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/traces"));
                }

                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        }

        if (options.MetricsEnabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(HubDiagnostics.MeterName, "MassTransit", "System.Runtime")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/metrics"));
                }

                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }

                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
            // The instruments exist from the start, not from the first claim or payer call.
            builder.Services.ConfigureOpenTelemetryMeterProvider((services, _) =>
            {
                services.GetRequiredService<DatabaseGauges>();
                services.GetRequiredService<PayerTelemetry>();
                services.GetRequiredService<ClaimMetrics>();
                services.GetRequiredService<HubAddedTime>();
            });
        }

        return builder;
    }

    /// <summary>
    /// Times what each request that calls payers spends in the hub itself (<see cref="HubAddedTime"/>) when metrics are on.
    /// First in the pipeline, so everything the hub does is in it.
    /// </summary>
    public static WebApplication UseHubAddedTime(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().MetricsEnabled)
        {
            var added = app.Services.GetRequiredService<HubAddedTime>();
            app.Use(added.InvokeAsync);
        }

        return app;
    }

    /// <summary>Maps <c>/metrics</c> (Prometheus text format) when it is on.</summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.MetricsEnabled && options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }

    // Probes, scrapes and static files would be most of the traces and say nothing.
    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content");

    private static void Configure(OtlpExporterOptions otlp, OtlpOptions options, string signalPath)
    {
        var http = string.Equals(options.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Over HTTP the endpoint is the signal's own URL; the base URL from configuration gets the signal path appended.
        var endpoint = options.Endpoint!.TrimEnd('/');
        otlp.Endpoint = new Uri(http ? $"{endpoint}/{signalPath}" : endpoint);
    }
}
