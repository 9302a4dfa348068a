using DentalClaimsHub.Adapters.X12.Remittances;
using DentalClaimsHub.Api.Inbound;

namespace DentalClaimsHub.Api.Remittances;

public static class RemittanceRegistration
{
    /// <summary>Inbound X12 ingestion and remittance posting.</summary>
    public static WebApplicationBuilder AddInboundAndRemittances(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Remittance835Reader>();
        builder.Services.AddSingleton<RemittanceReasons>();
        builder.Services.AddScoped<RemittancePoster>();
        builder.Services.AddScoped<InboundX12Ingestor>();
        builder.Services.AddScoped<InboundFhirIngestor>();
        builder.Services.AddSingleton<InboundAcknowledger>();
        builder.Services.AddSingleton<InboundFilePoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundFilePoller>());
        return builder;
    }
}
