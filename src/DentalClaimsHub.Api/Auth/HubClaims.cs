using System.Security.Claims;

namespace DentalClaimsHub.Api.Auth;

public static class HubClaims
{
    public const string KeyId = "dch:key";
    public const string OwnerKind = "dch:owner";
    public const string PracticeId = "dch:practice";
    public const string PayerId = "dch:payer";
    public const string Scope = "scope";

    /// <summary>The practice the caller's key belongs to; endpoints for practices require it.</summary>
    public static Guid? GetPracticeId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PracticeId), out var id) ? id : null;

    public static string GetKeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyId) ?? "anonymous";

    /// <summary>For an insurer's <c>/inbound/{payer}/…</c> endpoint: a 403 Problem when the key is another insurer's, else null.</summary>
    public static IResult? ForbidOtherInsurer(this ClaimsPrincipal user, string payer) =>
        user.FindFirstValue(PayerId) == payer
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this insurer's endpoint",
                detail: $"This key belongs to another insurer than '{payer}'.");
}
