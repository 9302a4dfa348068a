using System.Security.Claims;
using System.Text;
using Deque.AxeCore.Playwright;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>Shared steps of the console page tests: sign in, screenshot + axe scan, a 277CA-rejected claim, console users.</summary>
internal static class ConsolePageTesting
{
    public static async Task SignInAsync(ConsoleBrowserFactory factory, IPage page, string user = ConsoleBrowserFactory.AdminUser,
        string password = ConsoleBrowserFactory.AdminPassword)
    {
        await page.GotoAsync("/console/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Work queue");
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(e.Message + "\nServer log:\n" + string.Join("\n", factory.Logs.Events.Where(l => l.Contains("rror", StringComparison.Ordinal) || l.Contains("xception", StringComparison.Ordinal)).TakeLast(5)), e);
        }
    }

    /// <summary>A screenshot for the artifacts, then an axe scan that must find nothing serious or critical.</summary>
    public static async Task AccessibleAsync(IPage page, string step)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserFactory.ArtifactsDirectory, step + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{step}: " + string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>A claim to demo-x12-dental that the simulated payer's 277CA rejects (A3:21), its 999 and 277CA pushed back through /inbound.</summary>
    public static async Task<(ClaimResponse Claim, string Pcn, string AckIcn)> RejectedClaimAsync(ConsoleBrowserFactory factory, string practiceName,
        string member = "REJMEMBER0001")
    {
        var practice = await factory.CreatePracticeAsync(practiceName);
        var pcn = "REJ-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        factory.Simulator.UseForMemberPrefix("REJMEMBER", ClaimAcknowledgements.Reject277Ca);
        var claim = await ClaimSubmissions.SubmitAsync(practice, pcn, memberId: member);
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        var insurer = await factory.CreateInsurerClientAsync("demo-x12-dental");
        var acks = factory.Simulator.Acknowledgements.Pending;
        var icn = acks.Single(a => a.Kind == "277CA" && a.Payload.Contains($"TRN*2*{pcn}~", StringComparison.Ordinal)).InterchangeControlNumber;
        foreach (var ack in acks.Where(a => a.InterchangeControlNumber == icn).OrderBy(a => a.Kind == "999" ? 0 : 1))
        {
            var response = await insurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(ack.Payload, Encoding.UTF8, "application/edi-x12"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return (await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "rejected"), pcn, icn);
    }

    /// <summary>A claim to demo-x12-dental whose 837 the simulated payer's 999 rejects (IK3 on the subscriber's NM1, IK4 on NM109).</summary>
    public static async Task<(ClaimResponse Claim, string Pcn)> Rejected999ClaimAsync(ConsoleBrowserFactory factory, string practiceName,
        string member = "R999MEMBER01")
    {
        var practice = await factory.CreatePracticeAsync(practiceName);
        var pcn = "R99-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        factory.Simulator.UseForMemberPrefix("R999MEMBER", ClaimAcknowledgements.Reject999);
        var claim = await ClaimSubmissions.SubmitAsync(practice, pcn, memberId: member);
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        var insurer = await factory.CreateInsurerClientAsync("demo-x12-dental");
        var icn = await factory.InDatabaseAsync(db => db.Messages.AsNoTracking()
            .Where(m => m.PracticeId == practice.Id && m.Direction == MessageDirection.Outbound && m.Protocol == "x12")
            .Select(m => m.InterchangeControlNumber).SingleAsync());
        var ack = factory.Simulator.Acknowledgements.Pending.Single(a => a.Kind == "999" && a.InterchangeControlNumber == icn);
        Assert.DoesNotContain(factory.Simulator.Acknowledgements.Pending, a => a.Kind == "277CA" && a.InterchangeControlNumber == icn);
        var segments = ack.Payload.Split('~', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var (st, se) = (segments.FindIndex(x => x.StartsWith("ST*", StringComparison.Ordinal)), segments.FindIndex(x => x.StartsWith("SE*", StringComparison.Ordinal)));
        Assert.Equal($"SE*{se - st + 1}*", segments[se][..(segments[se].LastIndexOf('*') + 1)]);
        var response = await insurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(ack.Payload, Encoding.UTF8, "application/edi-x12"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "rejected"), pcn);
    }

    public static async Task<(Guid Id, string UserName)> CreateUserAsync(ConsoleBrowserFactory factory, string displayName, string role,
        string password = "Colleague-Password-1")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConsoleUser>>();
        var user = new ConsoleUser { UserName = role + Guid.NewGuid().ToString("N")[..6], DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (user.Id, user.UserName);
    }

    /// <summary>A console session for calling a console service directly, as <paramref name="userId"/> in <paramref name="role"/>.</summary>
    public static AdminConsole.Identity.ConsoleSession SessionOf(Guid userId, string role) =>
        new(new FixedAuthentication(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, role)], "test"))));

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var i = 0; i < 50; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail("Nothing was written within 5 s.");
        return null!;
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
