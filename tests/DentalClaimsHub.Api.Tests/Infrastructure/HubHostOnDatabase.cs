using DentalClaimsHub.Api;
using DentalClaimsHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>
/// Another API host on a database a test already has: a restart of the hub (a new process on the same database), with its
/// own key-ring master key (null: none) and environment.
/// </summary>
public sealed class HubHostOnDatabase(string connectionString, string? masterKey, string environment = "Testing")
    : WebApplicationFactory<HubApiAssembly>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Hub", connectionString);
        builder.UseSetting("Hub:SeedDemo", "false");
        builder.UseSetting("Hub:MappingsPath", RepositoryPaths.Mappings);
        builder.UseSetting("Hub:Variables:SIMULATOR_URL", "http://127.0.0.1:9");
        builder.UseSetting("Hub:KeyRing:MasterKey", masterKey ?? "");
    }
}
