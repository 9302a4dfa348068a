using DentalClaimsHub.Adapters.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Adapters.DependencyInjection;

/// <summary>Loads the payer catalog while the host starts, so broken profiles fail fast instead of on first use.</summary>
internal sealed class PayerProfileStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PayerProfileCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
