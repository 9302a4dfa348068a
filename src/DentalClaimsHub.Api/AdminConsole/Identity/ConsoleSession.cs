using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace DentalClaimsHub.Api.AdminConsole.Identity;

/// <summary>Who is using this console circuit (or request): their user id and roles.</summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The signed-in user's id; throws when nobody is signed in (console pages all require it).</summary>
    public async Task<Guid> UserIdAsync() =>
        Guid.TryParse((await UserAsync()).FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("No console user is signed in.");
}
