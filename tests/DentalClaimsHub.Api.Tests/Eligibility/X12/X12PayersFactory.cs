using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.Tests.Eligibility.X12;

/// <summary>
/// The simulated payers plus the test-only X12 payers of <c>Eligibility/X12/payers</c> (each failure scenario has a payer of
/// its own, so its retries and breaker never touch another test's payer). The simulator's slow answers take
/// <see cref="SlowAnswerDelay"/>: past the slow test payer's three-second timeout, well within the demo payer's twenty.
/// </summary>
public sealed class X12PayersFactory : SimulatedPayersFactory
{
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromSeconds(6);

    public X12PayersFactory() => Simulator.CoreRealtime.SlowAnswerDelay = SlowAnswerDelay;

    private static string TestPayers =>
        Path.Combine(RepositoryPaths.Root, "tests", "DentalClaimsHub.Api.Tests", "Eligibility", "X12", "payers");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_ => Catalog())));
    }

    private PayerProfileCatalog Catalog()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["SIMULATOR_URL"] = Simulator.Url };
        var demo = PayerProfileCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "payers"), variables);
        var tests = PayerProfileCatalog.Load(TestPayers, variables);
        var errors = demo.Errors.Concat(tests.Errors).ToList();
        return errors.Count == 0
            ? new PayerProfileCatalog(demo.Profiles.Concat(tests.Profiles))
            : throw new PayerProfileException(errors);
    }
}
