using Microsoft.AspNetCore.Mvc;

namespace DentalClaimsHub.Api;

/// <summary>Writes RFC 9457 Problem Details from places that have no endpoint result to return (auth handlers, middleware).</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
