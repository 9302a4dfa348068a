using System.Text;
using Bunit;
using DentalClaimsHub.Api.AdminConsole.Components.Shared.Charts;
using DentalClaimsHub.Api.AdminConsole.Dashboard;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Remittances;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The dashboard over one practice whose claims went every way through the simulated payer: one rejected by a 277CA,
/// one paid and one denied by 835s — the metrics count each once, in the right place, and the page draws them.
/// </summary>
public sealed class DashboardTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task The_metrics_and_the_page_show_a_rejected_a_paid_and_a_denied_claim()
    {
        var practice = await factory.CreatePracticeAsync("Dashboard Dental");
        var exchanges = new PayerExchanges(factory, "demo-x12-dental");
        var insurer = await exchanges.InsurerAsync();
        factory.Simulator.UseForMemberPrefix("DASHREJ", ClaimAcknowledgements.Reject277Ca);
        factory.Simulator.UseForMemberPrefix("DASHDEN", PayerRemittances.Denied);
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var rejected = await ClaimSubmissions.SubmitAsync(practice, "R" + tag, memberId: "DASHREJ01");
        await ClaimSubmissions.WaitForAsync(practice.Client, rejected.Id, "submitted");
        var acks = factory.Simulator.Acknowledgements.Pending;
        var icn = acks.Single(a => a.Kind == "277CA" && a.Payload.Contains($"TRN*2*R{tag}~", StringComparison.Ordinal)).InterchangeControlNumber;
        foreach (var ack in acks.Where(a => a.InterchangeControlNumber == icn).OrderBy(a => a.Kind == "999" ? 0 : 1))
        {
            await exchanges.PushAsync(insurer, ack.Payload);
        }

        var accepted = await exchanges.AcceptedClaimsAsync(practice, insurer, ("P" + tag, null), ("D" + tag, "DASHDEN01"));
        await exchanges.PushAsync(insurer, await exchanges.RemitAsync(false, "P" + tag, "D" + tag));
        await ClaimSubmissions.WaitForAsync(practice.Client, accepted[0].Id, "paid");
        await ClaimSubmissions.WaitForAsync(practice.Client, accepted[1].Id, "denied");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var data = await scope.ServiceProvider.GetRequiredService<DashboardMetrics>().LoadAsync(30, practice.Id, default);
            Assert.Equal([(ClaimState.Rejected, 1), (ClaimState.Paid, 1), (ClaimState.Denied, 1)], data.ClaimsByState);
            var payer = Assert.Single(data.Payers);
            Assert.Equal((2, 1, 2, 1), (payer.Accepted, payer.Rejected, payer.Adjudicated, payer.Denied));
            Assert.Equal(0.6667m, payer.AcceptanceRate);
            Assert.Equal(0.5m, payer.DenialRate);
            Assert.Contains(data.TopReasons, r => r.Label == "277CA A3:21" && r.Value == 1);
            Assert.Contains(data.TopReasons, r => r.Label.StartsWith("835 ", StringComparison.Ordinal) && r.Value == 1);
            Assert.Equal(1, data.DaysToPayment.Claims);
            Assert.Equal(1, data.DaysToPayment.Histogram[0].Value);
            var usd = Assert.Single(data.Collections);
            Assert.Equal("USD", usd.Currency);
            Assert.True(usd.Total > 0);
        }

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-chart='by-state'] rect.bar")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-chart='reasons']")).ToContainTextAsync("277CA A3:21");
        await Assertions.Expect(page.Locator("[data-chart='collections-USD'] rect.bar")).Not.ToHaveCountAsync(0);
        await ConsoleBrowserTests.AccessibleAsync(page, "14-dashboard");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Сводка");
        await Assertions.Expect(page.Locator("[data-chart='by-state']")).ToContainTextAsync("Отклонена");
        await ConsoleBrowserTests.AccessibleAsync(page, "15-dashboard-ru");
    }
}

/// <summary>bUnit: the bar chart draws bars in proportion, labels them, says so when empty, and repeats the numbers as a table.</summary>
public sealed class BarChartTests : IDisposable
{
    private readonly BunitContext _context = new();

    public BarChartTests() => _context.Services.AddLocalization();

    [Fact]
    public void Bars_are_proportional_and_the_numbers_are_in_a_table()
    {
        var chart = _context.Render<BarChart>(p => p.Add(c => c.Id, "t").Add(c => c.Title, "Reasons")
            .Add(c => c.Points, [new ChartPoint("277CA A3:21", 4), new ChartPoint("835 CO-50", 2), new ChartPoint("TA1 024", 0)]));
        var widths = chart.FindAll("rect.bar").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(widths[0] / 2, widths[1], 3);
        Assert.Equal(0, widths[2]);
        Assert.Equal(["277CA A3:21", "835 CO-50", "TA1 024"], chart.FindAll("table th").Select(th => th.TextContent));
        Assert.Contains("277CA A3:21: 4", chart.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("img", chart.Find("svg").GetAttribute("role"));
    }

    [Fact]
    public void No_points_say_so_instead_of_an_empty_picture()
    {
        var chart = _context.Render<BarChart>(p => p.Add(c => c.Id, "e").Add(c => c.Title, "Reasons").Add(c => c.Empty, "Nothing yet").Add(c => c.Points, []));
        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("Nothing yet", chart.Find("[data-empty]").TextContent);
    }

    public void Dispose() => _context.Dispose();
}
