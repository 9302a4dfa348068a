using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class PayerProfileRegistrationTests : IDisposable
{
    private readonly ProfileDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void AddPayerProfiles_ReadsMappingsPathAndVariablesFromConfiguration()
    {
        var payers = Directory.CreateDirectory(Path.Combine(directory.Path, "payers"));
        File.WriteAllText(Path.Combine(payers.FullName, "p1.yaml"), ProfileDirectory.ValidFhir("p1"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = directory.Path,
            ["Hub:Variables:SIMULATOR_URL"] = "http://sim.test:81",
        }).Build();

        using var provider = new ServiceCollection().AddPayerProfiles(configuration).BuildServiceProvider();

        var catalog = provider.GetRequiredService<PayerProfileCatalog>();
        Assert.Equal(new Uri("http://sim.test:81/fhir"), catalog.Get("p1").Fhir!.BaseUrl);
    }

    [Fact]
    public void AddPayerProfiles_BrokenProfile_ThrowsOneExceptionListingErrors()
    {
        var payers = Directory.CreateDirectory(Path.Combine(directory.Path, "payers"));
        File.WriteAllText(Path.Combine(payers.FullName, "p1.yaml"), "id: p1\nbogus: true\n");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:MappingsPath"] = directory.Path }).Build();

        using var provider = new ServiceCollection().AddPayerProfiles(configuration).BuildServiceProvider();

        var exception = Assert.Throws<PayerProfileException>(provider.GetRequiredService<PayerProfileCatalog>);
        Assert.Contains(exception.Errors, e => e.Field == "bogus" && e.Line == 2);
        Assert.Contains(exception.Errors, e => e.Field == "displayName");
        Assert.Contains("p1.yaml:2:1: bogus: unknown field.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPayerProfiles_HostStart_FailsOnBrokenProfile()
    {
        var payers = Directory.CreateDirectory(Path.Combine(directory.Path, "payers"));
        File.WriteAllText(Path.Combine(payers.FullName, "p1.yaml"), ProfileDirectory.ValidFhir("p1").Replace("kind: fhir", "kind: fax"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:MappingsPath"] = directory.Path }).Build();
        using var provider = new ServiceCollection().AddPayerProfiles(configuration).BuildServiceProvider();

        var startup = Assert.Single(provider.GetServices<IHostedService>());

        var exception = await Assert.ThrowsAsync<PayerProfileException>(() => startup.StartAsync(CancellationToken.None));
        Assert.Equal("kind", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void PayerSecrets_ResolvesReferencedNamesFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DEMO_X12_USER"] = "clinic-42" }).Build();
        var profile = PayerProfileCatalog.LoadOrThrow(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Mappings, "payers"),
            new Dictionary<string, string>()).Get("demo-x12-dental");
        var secrets = new PayerSecrets(configuration);

        Assert.Equal("clinic-42", secrets.Get(profile, profile.Core!.UsernameSecret));
        var missing = Assert.Throws<InvalidOperationException>(() => secrets.Get(profile, profile.Core.PasswordSecret));
        Assert.Contains("'DEMO_X12_PASSWORD'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("demo-x12-dental", missing.Message, StringComparison.Ordinal);
    }
}
