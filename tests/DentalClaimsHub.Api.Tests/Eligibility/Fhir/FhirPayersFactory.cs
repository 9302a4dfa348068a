using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.Tests.Eligibility.Fhir;

/// <summary>
/// The simulated payers plus the test-only FHIR payers of <c>Eligibility/Fhir/payers</c>: one answering through
/// <c>$submit</c>, and one per failure scenario so its retries and breaker never touch another test's payer. The
/// simulator's slow answers take <see cref="SlowAnswerDelay"/>: past the slow payer's two-second timeout, well within
/// the demo payer's fifteen.
/// </summary>
public sealed class FhirPayersFactory : SimulatedPayersFactory
{
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromSeconds(4);

    private static string TestPayers =>
        Path.Combine(RepositoryPaths.Root, "tests", "DentalClaimsHub.Api.Tests", "Eligibility", "Fhir", "payers");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Simulator.Fhir.SlowAnswerDelay = SlowAnswerDelay;
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
