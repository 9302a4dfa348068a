using DentalClaimsHub.Api.Demo;
using DentalClaimsHub.Storage;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>
/// Runs before the server listens (hosted services start in registration order, the web server last): applies
/// migrations when <c>Hub:ApplyMigrations</c> (default true) and seeds the demo data when <c>Hub:SeedDemo</c>.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Hub:ApplyMigrations", true))
        {
            await services.MigrateHubDatabaseAsync(cancellationToken);
        }

        if (configuration.GetValue("Hub:SeedDemo", false))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
