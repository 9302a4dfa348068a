using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Console;

public sealed class ConsoleAuthFactory : HubApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Hub:Console:AdminUserName", "admin"), new("Hub:Console:AdminPassword", ConsoleBrowserFactory.AdminPassword)];
}

/// <summary>The console and the API keep their credentials apart, and the console's redirects stay on the console.</summary>
public sealed partial class ConsoleAuthTests(ConsoleAuthFactory factory) : IClassFixture<ConsoleAuthFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_console_page_sends_a_stranger_to_the_sign_in_page()
    {
        var response = await Browser().GetAsync("/console/queue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_key_does_not_open_the_console()
    {
        var practice = await factory.CreatePracticeAsync("Key Dental");
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", practice.ApiKey);
        var response = await client.GetAsync("/console/queue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_sign_in_does_not_open_the_API()
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/queue")).StatusCode);
        var api = await client.GetAsync("/v1/patients");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var (client, token) = await LoginFormAsync();
        var response = await client.PostAsync("/console/login", Form(token, "admin", "not-the-password"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console/queue")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_and_ends_the_session()
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/console/logout", new FormUrlEncodedContent([]))).StatusCode);
        var page = await (await client.GetAsync("/console/login")).Content.ReadAsStringAsync();
        var token = Token(page);
        var response = await client.PostAsync("/console/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console/queue")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_role_is_sent_to_the_not_allowed_page_not_a_problem_document()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DentalClaimsHub.Storage.AdminConsole.ConsoleUser>>();
            var auditor = new DentalClaimsHub.Storage.AdminConsole.ConsoleUser { UserName = "auditor-http", DisplayName = "Auditor", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(auditor, "Auditor-Password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(auditor, DentalClaimsHub.Storage.AdminConsole.ConsoleRoles.Auditor)).Succeeded);
        }

        var (client, token) = await LoginFormAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/console/login", Form(token, "auditor-http", "Auditor-Password-1"))).StatusCode);
        var response = await client.GetAsync("/console/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void No_API_endpoint_asks_for_an_antiforgery_token()
    {
        // The console turned antiforgery validation on; API form uploads (multipart files) are called by machines with keys
        // and must opt out, or every upload would be refused with 400.
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/console", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>()?.RequiresValidation == true)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(endpoints);
    }

    [Theory]
    [InlineData("https://evil.example/console", "/console")]
    [InlineData("//evil.example/console", "/console")]
    [InlineData("/v1/patients", "/console")]
    [InlineData("/console/claims/1", "/console/claims/1")]
    public async Task The_language_switch_only_returns_to_console_pages(string back, string expected)
    {
        var response = await Browser().GetAsync($"/console/culture?c=ru&back={Uri.EscapeDataString(back)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Dru", StringComparison.Ordinal));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var (client, token) = await LoginFormAsync();
        var response = await client.PostAsync("/console/login", Form(token, "admin", ConsoleBrowserFactory.AdminPassword));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    private async Task<(HttpClient Client, string Token)> LoginFormAsync()
    {
        var client = Browser();
        var page = await (await client.GetAsync("/console/login")).Content.ReadAsStringAsync();
        return (client, Token(page));
    }

    private static FormUrlEncodedContent Form(string token, string user, string password) => new(
    [
        new("_handler", "login"), new("__RequestVerificationToken", token), new("Input.UserName", user), new("Input.Password", password),
    ]);

    private static string Token(string page) => TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
