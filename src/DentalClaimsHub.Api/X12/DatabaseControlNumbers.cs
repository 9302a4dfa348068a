using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Tenancy;

namespace DentalClaimsHub.Api.X12;

/// <summary>
/// X12 control numbers from the database sequences, so every hub instance draws from one series per trading partner.
/// Adapters are singletons; each allocation runs in its own short scope (the sequence table is not tenant data).
/// </summary>
public sealed class DatabaseControlNumbers(IServiceScopeFactory scopes) : IControlNumberAllocator
{
    public async Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return await services.ServiceProvider.GetRequiredService<ControlNumberAllocator>().NextAsync(tradingPartner, scope, cancellationToken);
    }
}
