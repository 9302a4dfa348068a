using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Dms.Eligibility;

namespace DentalClaimsHub.Api.Rosters;

public static class RosterRegistration
{
    /// <summary>
    /// ДМС roster import: mappings from <c>mappings/dms</c>, the file store (encrypted with the protector of
    /// <c>AddHubDataProtection</c>), the upload service and the worker.
    /// </summary>
    public static WebApplicationBuilder AddRosters(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RosterOptions>(builder.Configuration.GetSection("Hub:Rosters"));
        builder.Services.AddDmsMappings(builder.Configuration);
        builder.Services.AddSingleton<RosterFileStore>();
        builder.Services.AddSingleton<IDmsRosterLookup, DatabaseRosterLookup>();
        builder.Services.AddSingleton<RosterImportSignal>();
        builder.Services.AddScoped<RosterImports>();
        builder.Services.AddSingleton<RosterImportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RosterImportRunner>());
        return builder;
    }
}
