using DentalClaimsHub.Adapters.Fhir.Messages;
using DentalClaimsHub.Api.Messages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.Claims.Status;

public static class ClaimStatusRegistration
{
    /// <summary>Status polling of claims payers are silent on (settings under <c>Hub:Claims:StatusPolling</c>).</summary>
    public static WebApplicationBuilder AddClaimStatusPolling(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ClaimStatusPollingOptions>(builder.Configuration.GetSection("Hub:Claims:StatusPolling"));
        builder.Services.TryAddScoped<IFhirMessageLog, StoredFhirMessages>(); // the FHIR status Task and its answers
        builder.Services.AddSingleton<ClaimStatusPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClaimStatusPoller>());
        return builder;
    }
}
