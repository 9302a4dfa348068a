using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests;

/// <summary>A migrated hub database for one test class.</summary>
public sealed class StorageDatabase : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(nameof(StorageDatabase));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Hub"] = _database.ConnectionString;
        builder.AddHubStorage();
        using var host = builder.Build();
        await host.Services.MigrateHubDatabaseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public HubDbContext CreateContext(ITenantContext? tenant = null)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(_database.ConnectionString);
        return HubDbContext.Create(options.Options, tenant ?? TenantContext.System());
    }
}
