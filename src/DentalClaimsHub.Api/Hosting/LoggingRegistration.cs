using DentalClaimsHub.Api.Auth;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>
/// Serilog, structured. Log events carry ids (trace, practice, key, claim) and codes — never names, birth dates or
/// member ids: request paths are logged without query strings and bodies are never logged.
/// </summary>
public static class LoggingRegistration
{
    public static IHostApplicationBuilder AddHubLogging(this IHostApplicationBuilder builder)
    {
        var json = string.Equals(builder.Configuration["Hub:LogFormat"], "json", StringComparison.OrdinalIgnoreCase);
        // preserveStaticLogger: each host (several run side by side in tests) keeps its own pipeline instead of
        // taking over the static Log.Logger.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (json)
            {
                log.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }

            // Extra sinks registered in DI (the tests' PHI scanner).
            foreach (var sink in services.GetServices<ILogEventSink>())
            {
                log.WriteTo.Sink(sink);
            }
        });
        CategoryLoggerCache.Register(builder.Services);
        return builder;
    }

    public static WebApplication UseHubRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("TraceId", http.TraceIdentifier);
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    diagnostics.Set("ApiKeyId", http.User.GetKeyId());
                    if (http.User.GetPracticeId() is { } practiceId)
                    {
                        diagnostics.Set("PracticeId", practiceId);
                    }
                }
            };
        });
        return app;
    }
}
