using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A claim the payer's 999 rejected (the member id refused: IK3 on the subscriber's NM1, IK4 on NM109) is in the work
/// queue under "999 IK5 R" with the 999's words, and its claim page marks the refused segment and element in the 837.
/// </summary>
public sealed class Console999RejectionTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_999_rejected_claim_is_queued_with_its_reason_and_its_837_shows_the_refused_element()
    {
        var (claim, pcn) = await Rejected999ClaimAsync(factory, "Front Door Dental");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);

        var row = page.Locator($"tr[data-claim='{claim.Id}']");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync("999 IK5 R");
        await Assertions.Expect(row.Locator("td[title]", new() { Has = page.Locator(".reason") }))
            .ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^999 rejected transaction set \d+ \(IK5 R: IK3\*NM1\*\d+\*2010BA\*8; IK4\*9\*67\*7\)$"));
        await Assertions.Expect(page.Locator("[data-reason='999 IK5 R']")).ToBeVisibleAsync();
        await AccessibleAsync(page, "999-01-queue");

        await row.GetByRole(AriaRole.Link, new() { Name = pcn }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Claim {pcn}");
        await Assertions.Expect(page.Locator("dl.facts [data-state='Rejected']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("999 rejected transaction set 0001 (IK5 R: IK3*NM1*");

        // The 999 marks its own IK3/IK4/IK5; the 837 it answers has the subscriber's NM1 marked, and NM109 outlined.
        var ack = page.Locator("details.message", new() { HasText = "x12 999" });
        await Assertions.Expect(ack.Locator("li.hit[data-segment='IK3']")).ToContainTextAsync("⚠ IK3 segment error 8");
        await Assertions.Expect(ack.Locator("li.hit[data-segment='IK5']")).ToContainTextAsync("IK5 result R");
        var claim837 = page.Locator("details.message", new() { HasText = "x12 837" });
        var nm1 = claim837.Locator("li.hit[data-segment='NM1'][data-loop*='2010BA']");
        await Assertions.Expect(nm1).ToHaveCountAsync(1);
        await Assertions.Expect(nm1).ToContainTextAsync("⚠ IK4 error 7 on element 09");
        await Assertions.Expect(nm1.Locator("span.el.hit")).ToHaveAttributeAsync("data-element", "NM109");
        await Assertions.Expect(claim837.Locator("li.hit")).ToHaveCountAsync(1);
        await AccessibleAsync(page, "999-02-claim");
    }

    [Fact]
    public async Task A_999_rejected_claim_reads_in_Russian_in_the_queue_and_on_its_timeline()
    {
        var (claim, pcn) = await Rejected999ClaimAsync(factory, "Russian Door Dental");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        var row = page.Locator($"tr[data-claim='{claim.Id}']");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync("999 IK5 R");
        var said = new System.Text.RegularExpressions.Regex(@"^999 отклонил набор транзакций \d+ \(IK5 R: [^)]+\) — IK3\*NM1\*\d+\*2010BA\*8; IK4\*9\*67\*7$");
        await Assertions.Expect(row.Locator(".reason-text")).ToHaveTextAsync(said);
        await Assertions.Expect(row).Not.ToContainTextAsync("rejected");
        await AccessibleAsync(page, "999-03-queue-ru");

        await row.GetByRole(AriaRole.Link, new() { Name = pcn }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Заявка {pcn}");
        var rejected = page.Locator("ol.timeline li[data-to='Rejected']");
        await Assertions.Expect(rejected.Locator(".reason-text")).ToHaveTextAsync(said);
        await Assertions.Expect(rejected).ToContainTextAsync("Отклонена");
        await Assertions.Expect(page.Locator("ol.timeline li[data-to='Draft']").First.Locator(".reason-text")).ToHaveTextAsync("создана");
        await Assertions.Expect(page.Locator("ol.timeline")).Not.ToContainTextAsync("rejected transaction set");

        // The 837's refused element and its segment are named in Russian on hover.
        var nm1 = page.Locator("details.message", new() { HasText = "x12 837" })
            .Locator("li.hit[data-segment='NM1'][data-loop*='2010BA']");
        await Assertions.Expect(nm1.Locator("span[data-element='NM109']")).ToHaveAttributeAsync("title", "NM109 Идентификационный код");
        await Assertions.Expect(nm1.Locator("span.seg")).ToHaveAttributeAsync("title",
            new System.Text.RegularExpressions.Regex(@"^Имя лица или название организации — \S*2010BA "
                + @"Имя застрахованного \(подписчика\)$"));
        await AccessibleAsync(page, "999-04-claim-ru");
    }
}
