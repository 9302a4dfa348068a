using DentalClaimsHub.Adapters.X12.Claims;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.X12.Schemas;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.X12;

public static class X12Registration
{
    /// <summary>
    /// What the X12 adapters need from the host: the implementation-guide schemas (<c>Hub:SchemasPath</c>, else the
    /// nearest <c>schemas/x12</c> folder above the application), database-backed control numbers and the message store.
    /// </summary>
    public static IServiceCollection AddHubX12(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => SchemasDirectory(configuration) is { } directory
            ? X12SchemaRegistry.LoadFromDirectory(directory)
            : X12SchemaRegistry.LoadDefault());
        services.TryAddSingleton(sp => new DentalClaimsHub.X12.Parsing.X12Parser(sp.GetRequiredService<X12SchemaRegistry>()));
        services.Configure<X12Options>(configuration.GetSection("Hub:X12"));
        services.TryAddSingleton<IControlNumberAllocator, DatabaseControlNumbers>();
        services.TryAddScoped<IX12MessageLog, StoredX12Messages>();
        services.TryAddSingleton(_ => configuration.GetSection("Hub:X12:Submitter").Get<Claim837Submitter>() ?? Claim837Submitter.Default);
        return services;
    }

    /// <summary>The schemas folder: <c>Hub:SchemasPath</c>, else the nearest <c>schemas/x12</c> above the application; null when none.</summary>
    public static string? SchemasDirectory(IConfiguration configuration) =>
        configuration["Hub:SchemasPath"] is { Length: > 0 } path ? Path.GetFullPath(path) : X12SchemaRegistry.FindSchemasDirectory();
}
