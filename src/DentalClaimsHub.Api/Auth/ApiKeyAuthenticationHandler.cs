using System.Text.Encodings.Web;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer dch_…</c>: looks the key up by its SHA-256 (in <see cref="ApiKeyCache"/>, else the database),
/// binds the request to the key's practice (the tenant every query is filtered by) and authenticates it as the key's
/// principal (<see cref="ApiKeyGrant.Principal"/>: its scopes are claims).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HubDbContext db,
    ApiKeyCache cache,
    TenantContext tenant) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureKey = "dch:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <api key>'.");
        }

        var plainText = header["Bearer ".Length..].Trim();
        if (ApiKeySecret.PrefixOf(plainText) is null)
        {
            return Fail("The bearer token is not a DentalClaimsHub API key.");
        }

        var hash = ApiKeySecret.Hash(plainText);
        if (!cache.TryGet(hash, out var key))
        {
            var stored = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash, Context.RequestAborted);
            if (stored is null || !stored.IsActive)
            {
                return Fail("The API key is unknown or has been revoked.");
            }

            key = ApiKeyGrant.Of(stored);
            cache.Remember(hash, key);
        }

        if (key.PracticeId is { } practiceId)
        {
            tenant.UsePractice(practiceId);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(key.Principal, SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureKey] as string
            ?? "This endpoint needs an API key: send 'Authorization: Bearer <api key>'.";
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", reason);
    }
}
