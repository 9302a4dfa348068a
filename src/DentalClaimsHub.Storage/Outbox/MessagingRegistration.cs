using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Outbox;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit (in-memory transport by default) fed by the transactional outbox. <paramref name="consumers"/>
    /// registers the host's consumers; endpoints are configured from them.
    /// </summary>
    public static IHostApplicationBuilder AddHubMessaging(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddMassTransit(bus =>
        {
            consumers?.Invoke(bus);
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        return builder;
    }
}
