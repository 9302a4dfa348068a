using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DentalClaimsHub.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host (no database is contacted).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(Environment.GetEnvironmentVariable("DCH_DATABASE") ?? "Host=127.0.0.1;Database=design_time");
        return HubDbContext.Create(options.Options, TenantContext.System());
    }
}
