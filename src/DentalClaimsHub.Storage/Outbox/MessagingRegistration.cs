using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Outbox;

public static class MessagingRegistration
{
    /// <summary>The health check that reports the bus (and, on RabbitMQ, the broker connection).</summary>
    public const string HealthCheckName = "broker";

    /// <summary>
    /// MassTransit fed by the transactional outbox, on the transport <c>Messaging:Transport</c> names: <c>InMemory</c>
    /// (the default, one process) or <c>RabbitMq</c> (several instances; each consumer's queue is shared, so they
    /// compete for messages). <paramref name="consumers"/> registers the host's consumers; endpoints are configured
    /// from them. The bus reports to the health checks tagged <c>ready</c> as <see cref="HealthCheckName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHubMessaging(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var messaging = ReadOptions(builder.Configuration);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.PostConfigure<OutboxOptions>(outbox =>
        {
            if (messaging.Transport == MessagingTransport.RabbitMq && outbox.PublishTimeout is null)
            {
                outbox.PublishTimeout = messaging.RabbitMq.PublishTimeout;
            }
        });
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddMassTransit(bus =>
        {
            consumers?.Invoke(bus);
            // A broker outage degrades the hub rather than taking it out of service: requests still commit their work
            // to PostgreSQL (outbox), and the sweepers deliver what the bus cannot carry meanwhile.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = HealthCheckName;
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add("ready");
            });
            switch (messaging.Transport)
            {
                case MessagingTransport.RabbitMq:
                    var broker = messaging.RabbitMq.Resolve();
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                        {
                            host.Username(broker.Username);
                            host.Password(broker.Password);
                            if (broker.Tls)
                            {
                                host.UseSsl(ssl => ssl.ServerName = broker.Host);
                            }
                        });
                        cfg.PrefetchCount = messaging.RabbitMq.PrefetchCount;
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
            }
        });
        return builder;
    }

    private static MessagingOptions ReadOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection("Messaging");
        var transport = section["Transport"];
        var options = new MessagingOptions();
        section.GetSection("RabbitMq").Bind(options.RabbitMq);
        if (!string.IsNullOrWhiteSpace(transport))
        {
            options.Transport = Enum.TryParse<MessagingTransport>(transport, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Messaging:Transport must be InMemory or RabbitMq, not '{transport}'.");
        }

        if (options.Transport == MessagingTransport.RabbitMq)
        {
            options.RabbitMq.Resolve(); // a bad address stops the start, not the first publish
        }

        return options;
    }
}
