using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace DentalClaimsHub.Api.Auth;

public static class AuthRegistration
{
    /// <summary>The default scheme: forwards to the API key or to the console cookie.</summary>
    public const string HubScheme = "hub";

    public static IHostApplicationBuilder AddHubAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ApiKeyCacheOptions>(builder.Configuration.GetSection("Hub:Auth"));
        builder.Services.AddSingleton<ApiKeyCache>();
        // API callers authenticate with an API key; the admin console (its pages and its Blazor circuit) with the console's
        // Identity cookie. One default scheme picks by path, so neither can be used where the other belongs.
        builder.Services.AddAuthentication(HubScheme)
            .AddPolicyScheme(HubScheme, "API key or console cookie", options => options.ForwardDefaultSelector = context =>
                AdminConsole.ConsoleRegistration.IsConsoleRequest(context.Request.Path)
                    ? Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
            }
        });
        return builder;
    }

    /// <summary>Requires an API key with <paramref name="scope"/> for every endpoint of the builder.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(scope);
}
