using DentalClaimsHub.Adapters.Claims;

namespace DentalClaimsHub.Api.Claims.Delivery;

public static class ClaimDeliveryRegistration
{
    /// <summary>The claim submitter: delivery service, its event consumer (registered with the bus by the host) and the sweeper.</summary>
    public static IHostApplicationBuilder AddClaimDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ClaimDeliveryOptions>(builder.Configuration.GetSection("Hub:Claims:Delivery"));
        builder.Services.Configure<ClaimAttachmentOptions>(builder.Configuration.GetSection("Hub:Claims:Attachments"));
        builder.Services.AddSingleton(builder.Configuration.GetSection("Hub:Dms:Smtp").Get<DmsMailOptions>() ?? new DmsMailOptions());
        builder.Services.AddClaimProtocols();
        builder.Services.AddScoped<ClaimDeliveryService>();
        builder.Services.AddSingleton<ClaimDeliverySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClaimDeliverySweeper>());
        return builder;
    }
}
