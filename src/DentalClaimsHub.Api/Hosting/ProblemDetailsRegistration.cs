namespace DentalClaimsHub.Api.Hosting;

public static class ProblemDetailsRegistration
{
    /// <summary>Every error is RFC 9457 Problem Details with the request's trace id.</summary>
    public static IHostApplicationBuilder AddHubProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<HubExceptionHandler>();
        // Unreadable bodies throw, so HubExceptionHandler can name the JSON path instead of answering a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Client mistakes are answered, not logged as server errors (their messages can echo request content).
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException);
        return builder;
    }
}
