using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Identity;

/// <summary>The console's plain HTTP endpoints: sign out and switch language (both end in a redirect).</summary>
public static class ConsoleAccountEndpoints
{
    public static IEndpointRouteBuilder MapConsoleAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ConsoleRegistration.BasePath).ExcludeFromDescription();
        group.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ConsoleUser> signIn) =>
        {
            // A cross-site form must not be able to sign anyone out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                    detail: "Sign out from the console's own button.");
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(ConsoleRegistration.BasePath + "/login");
        }).RequireAuthorization(ConsoleRegistration.ReadPolicy);
        group.MapGet("/culture", (HttpContext context, string? c, string? back) =>
        {
            var culture = ConsoleRegistration.Cultures.FirstOrDefault(k => k.Name == c)?.Name ?? "en";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(IsLocalConsolePath(back) ? back! : ConsoleRegistration.BasePath);
        });
        return app;
    }

    /// <summary>Only our own pages are redirect targets (no open redirect).</summary>
    public static bool IsLocalConsolePath(string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith(ConsoleRegistration.BasePath, StringComparison.Ordinal)
        && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
}
