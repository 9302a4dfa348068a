using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Storage.Access;

namespace DentalClaimsHub.Api.Tests.Auth;

/// <summary>A cached key's principal is made once, with the claims authorization and the audit trail read.</summary>
public sealed class ApiKeyGrantTests
{
    [Fact]
    public void PracticeKey_PrincipalCarriesItsIdPracticeAndScopes_AndIsMadeOnce()
    {
        var (keyId, practiceId) = (Guid.NewGuid(), Guid.NewGuid());
        var grant = new ApiKeyGrant(keyId, ApiKeyOwnerKind.Practice, practiceId, null, [Scopes.PatientsRead, Scopes.Eligibility]);

        var user = grant.Principal;

        Assert.Same(user, grant.Principal);
        Assert.True(user.Identity!.IsAuthenticated);
        Assert.Equal(ApiKeyAuthenticationHandler.SchemeName, user.Identity.AuthenticationType);
        Assert.Equal(keyId.ToString(), user.Identity.Name);
        Assert.Equal(keyId.ToString(), user.GetKeyId());
        Assert.Equal(practiceId, user.GetPracticeId());
        Assert.Equal("Practice", user.FindFirstValue(HubClaims.OwnerKind));
        Assert.Null(user.FindFirst(HubClaims.PayerId));
        Assert.Equal([Scopes.PatientsRead, Scopes.Eligibility], user.FindAll(HubClaims.Scope).Select(c => c.Value));
    }

    [Fact]
    public void InsurerKey_PrincipalNamesItsPayerAndNoPractice()
    {
        var grant = new ApiKeyGrant(Guid.NewGuid(), ApiKeyOwnerKind.Insurer, null, "demo-x12-dental", [Scopes.Inbound]);

        Assert.Equal("demo-x12-dental", grant.Principal.FindFirstValue(HubClaims.PayerId));
        Assert.Null(grant.Principal.GetPracticeId());
        Assert.Equal("Insurer", grant.Principal.FindFirstValue(HubClaims.OwnerKind));
    }
}
