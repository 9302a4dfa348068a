using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DentalClaimsHub.Api.Auth;

/// <summary>
/// Turns an API 403 into Problem Details that name the scope the key lacks; the console's pages keep the cookie scheme's
/// own answer (a redirect to its "not allowed" page).
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !AdminConsole.ConsoleRegistration.IsConsoleRequest(context.Request.Path))
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToArray()
                ?? [];
            var detail = missing.Length > 0
                ? $"This API key lacks the scope {string.Join(", ", missing.Select(s => $"'{s}'"))} that this endpoint requires."
                : "This API key may not use this endpoint.";
            return ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
