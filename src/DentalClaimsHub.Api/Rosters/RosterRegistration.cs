using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Dms.Eligibility;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Rosters;

public static class RosterRegistration
{
    /// <summary>ДМС roster import: mappings from <c>mappings/dms</c>, Data Protection with its key ring in the database, the file store, the upload service and the worker.</summary>
    public static WebApplicationBuilder AddRosters(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RosterOptions>(builder.Configuration.GetSection("Hub:Rosters"));
        builder.Services.AddDmsMappings(builder.Configuration);
        builder.Services.AddDataProtection().SetApplicationName("DentalClaimsHub");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>())));
        builder.Services.AddSingleton<RosterFileStore>();
        builder.Services.AddSingleton<IDmsRosterLookup, DatabaseRosterLookup>();
        builder.Services.AddSingleton<RosterImportSignal>();
        builder.Services.AddScoped<RosterImports>();
        builder.Services.AddSingleton<RosterImportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RosterImportRunner>());
        return builder;
    }
}
