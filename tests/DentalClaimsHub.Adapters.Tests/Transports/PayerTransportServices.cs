using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.Tests.Transports;

/// <summary>
/// The hub's payer profiles and transports (with their resilience pipelines) pointed at a payer on
/// <paramref name="payerBaseUrl"/>, as the transport tests build them; optionally every profile's retry count overridden.
/// </summary>
internal static class PayerTransportServices
{
    public static ServiceProvider Build(string payerBaseUrl, int? retryCount = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = RepositoryPaths.Mappings,
            ["Hub:Variables:SIMULATOR_URL"] = payerBaseUrl.TrimEnd('/'),
            ["DEMO_X12_USER"] = "dch-user",
            ["DEMO_X12_PASSWORD"] = "s3cret",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PayerSecrets>();
        services.AddLogging();
        services.AddPayerProfiles(configuration);
        if (retryCount is { } retries)
        {
            services.AddSingleton(sp => new PayerProfileCatalog(PayerProfileCatalog.LoadOrThrow(
                Path.Combine(RepositoryPaths.Mappings, "payers"),
                new Dictionary<string, string> { ["SIMULATOR_URL"] = payerBaseUrl.TrimEnd('/') })
                .Profiles.Select(p => p with { Resilience = p.Resilience with { RetryCount = retries } })));
        }

        services.AddPayerTransports();
        return services.BuildServiceProvider();
    }
}
