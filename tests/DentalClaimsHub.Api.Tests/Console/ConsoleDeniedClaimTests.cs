using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Remittances;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A claim the payer's 835 denied: the queue groups it under its CARC, the billing specialist marks it appealed (the queue
/// says so), then sends a corrected claim (frequency 7) — the original becomes Corrected and the replacement goes out.
/// </summary>
public sealed class ConsoleDeniedClaimTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_denied_claim_is_appealed_and_then_replaced_by_a_corrected_claim()
    {
        var exchanges = new PayerExchanges(factory, "demo-x12-dental");
        factory.Simulator.UseForMemberPrefix("DENMEMBER", PayerRemittances.Denied);
        var practice = await factory.CreatePracticeAsync("Denied Dental");
        var insurer = await exchanges.InsurerAsync();
        var pcn = "DEN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var claim = (await exchanges.AcceptedClaimsAsync(practice, insurer, (pcn, "DENMEMBER0001"))).Single();
        await exchanges.PushAsync(insurer, await exchanges.RemitAsync(false, pcn));
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "denied");

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);
        var row = page.Locator($"tr[data-claim='{claim.Id}']");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^835 (CO|PR|OA|PI)-"));

        await row.GetByRole(AriaRole.Link, new() { Name = pcn }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts [data-state='Denied']")).ToBeVisibleAsync();
        await page.Locator("[data-field='note']").FillAsync("Appeal sent with the narrative");
        await page.ClickAsync("[data-action='appeal']");
        await Assertions.Expect(page.Locator("[data-activity='Appealed']")).ToContainTextAsync("Appeal sent with the narrative");
        await page.GotoAsync("/console/queue");
        await Assertions.Expect(page.Locator($"tr[data-claim='{claim.Id}'] [data-appealed]")).ToBeVisibleAsync();
        await ConsoleBrowserTests.AccessibleAsync(page, "08-queue-appealed");

        await page.GotoAsync($"/console/claims/{claim.Id}");
        await page.ClickAsync("[data-action='fix']");
        await page.Locator("tr[data-line='2'] [data-field='fee']").FillAsync("260.00");
        await page.Locator("[data-field='reason']").FillAsync("Fee corrected per contract");
        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("corrected claim");
        await Assertions.Expect(page.Locator("dl.facts [data-state='Corrected']")).ToBeVisibleAsync();
        var replacement = page.Locator("[data-follow-up='Replacement']");
        await Assertions.Expect(replacement).ToBeVisibleAsync();
        await ConsoleBrowserTests.AccessibleAsync(page, "09-corrected");
        await replacement.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync($"Claim {pcn}");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Replacement (7)");

        var replaced = await factory.InDatabaseAsync(db => db.Claims.SingleAsync(c => c.OriginalClaimId == claim.Id));
        Assert.Equal(ClaimFrequency.Replacement, replaced.Frequency);
        Assert.Equal(425m - 240m + 260m, replaced.Total.Amount);
        Assert.NotNull(replaced.OriginalPayerClaimNumber);
        Assert.Equal(ClaimState.Corrected, await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.State).SingleAsync()));
    }
}
