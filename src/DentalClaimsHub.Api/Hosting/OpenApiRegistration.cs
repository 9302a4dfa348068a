using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>OpenAPI 3.1 at <c>/openapi/v1.json</c> and the API reference UI at <c>/docs</c> (assets served locally).</summary>
public static class OpenApiRegistration
{
    private const string SchemeId = "ApiKey";

    public static IHostApplicationBuilder AddHubOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "DentalClaimsHub API",
                    Version = "v1",
                    Description = "One REST API for eligibility, estimates, pre-authorizations, claims, claim status and remittances "
                        + "across X12 HIPAA 5010, FHIR R4 and Russian ДМС insurers. Authenticate with 'Authorization: Bearer <api key>'. "
                        + "Errors are RFC 9457 Problem Details; validation errors are keyed by the JSON path of the bad field.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "dch_<prefix>_<secret>",
                    Description = "An API key issued to a practice (PMS) or an insurer.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>().Distinct().ToList();
                if (scopes.Count == 0)
                {
                    return Task.CompletedTask;
                }

                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = scopes });
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No or an invalid API key (Problem Details)." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The key lacks the scope {string.Join(", ", scopes)} (Problem Details)." });
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapHubOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("DentalClaimsHub API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
