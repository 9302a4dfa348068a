using System.Text;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>What the console tests do again and again: sign in, and bring a claim to Rejected through a real 277CA.</summary>
internal static class ConsoleScenarios
{
    public static async Task SignInAsync(IPage page, string user = ConsoleBrowserFactory.AdminUser, string password = ConsoleBrowserFactory.AdminPassword)
    {
        await page.GotoAsync("/console/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Work queue");
    }

    /// <summary>A claim to demo-x12-dental that the simulated payer's 277CA rejects (A3:21), pushed back through /inbound.</summary>
    public static async Task<(ClaimResponse Claim, string Pcn)> RejectedClaimAsync(ConsoleBrowserFactory factory, string practiceName,
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

        return (await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "rejected"), pcn);
    }
}
