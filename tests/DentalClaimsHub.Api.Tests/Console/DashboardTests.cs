using System.Text;
using Bunit;
using DentalClaimsHub.Api.AdminConsole.Components.Shared.Charts;
using DentalClaimsHub.Api.AdminConsole.Dashboard;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Remittances;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;
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
            Assert.Contains(data.TopReasons, r => r.Reason.Key == "277CA A3:21" && r.Count == 1);
            Assert.Contains(data.TopReasons, r => r.Reason.Source == "835" && r.Count == 1);
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

    [Fact]
    public async Task Top_reasons_are_counted_per_code_in_the_database_and_worded_in_the_users_language()
    {
        var practice = await factory.CreatePracticeAsync("Reasons Dental");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var first = await ClaimSubmissions.SubmitAsync(practice, "B" + tag);
        // Six refusals with three coded reasons, written as the inbound paths write them (English text, code, arguments).
        await factory.InDatabaseAsync(async db =>
        {
            var original = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == first.Id);
            var now = DateTimeOffset.UtcNow;
            Claim Submitted(string pcn)
            {
                var made = Claim.Create(original.PracticeId, original.PatientId, original.CoverageId, original.PayerId, "USD", "test", now, pcn + tag);
                made.SetDiagnoses([Domain.Values.Icd10Code.Parse("K02.52")], now);
                made.AddLine(new ClaimLineDetails
                {
                    Procedure = Domain.Values.ProcedureCode.Cdt(Domain.Values.CdtCode.Parse("D0120")), Fee = Domain.Values.Money.Usd(55m),
                    ServiceDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
                }, now);
                made.Validate("test", now, DateOnly.FromDateTime(now.UtcDateTime));
                made.Queue("test", now);
                made.MarkSubmitted("test", now);
                db.Claims.Add(made);
                return made;
            }

            foreach (var pcn in new[] { "A1", "A2", "A3" })
            {
                Submitted(pcn).Reject("test", now, new TimelineReason("277CA rejected the claim: A7: Acknowledgement/Rejected for invalid information; 21: Missing or invalid information",
                    TimelineReasonCodes.ClaimAckRejected, ["A7:21", ""]));
            }

            foreach (var pcn in new[] { "D1", "D2" })
            {
                var denied = Submitted(pcn);
                denied.Accept("test", now, "PAYER-" + pcn + tag);
                denied.RecordAdjudication(ClaimState.Denied, "test", now, reason: new TimelineReason(
                    "Denied (CLP02 4): CO-50: Payer does not consider the service medically necessary", TimelineReasonCodes.Remittance,
                    ["CO-50", "CO-50", "", "0", "55"]));
            }

            Submitted("K1").Reject("test", now, new TimelineReason("999 rejected transaction set 0001 (IK5 R)", TimelineReasonCodes.Ack999Rejected, ["0001", "R", ""]));
            return await db.SaveChangesAsync();
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var data = await scope.ServiceProvider.GetRequiredService<DashboardMetrics>().LoadAsync(30, practice.Id, default);
            Assert.Equal([("277CA A7:21", 3), ("835 CO-50", 2), ("999 IK5 R", 1)], data.TopReasons.Select(r => (r.Reason.Key, r.Count)));
            // Counted in PostgreSQL: one row per reason code and payer code comes back, not one per timeline entry.
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateHubWideContext();
            var sql = DashboardMetrics.RefusalGroups(db, DateTimeOffset.UtcNow.AddDays(-30), practice.Id, []).ToQueryString();
            Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
            Assert.Contains("COUNT(*)", sql, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(3, await DashboardMetrics.RefusalGroups(db, DateTimeOffset.UtcNow.AddDays(-30), practice.Id, []).CountAsync());
        }

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);
        await page.GotoAsync("/console/dashboard");
        await page.Locator("[data-filter='practice']").SelectOptionAsync(practice.Id.ToString());
        var reasons = page.Locator("[data-chart='reasons'] table th");
        await Assertions.Expect(reasons).ToHaveTextAsync(["277CA A7:21: Missing or invalid information",
            "835 CO-50: Payer does not consider the service medically necessary", "999 IK5 R: Transaction set rejected"]);

        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Сводка");
        await page.Locator("[data-filter='practice']").SelectOptionAsync(practice.Id.ToString());
        await Assertions.Expect(reasons).ToHaveTextAsync(["277CA A7:21: Сведения отсутствуют или неверны",
            "835 CO-50: Плательщик не считает услугу медицински необходимой", "999 IK5 R: Транзакция отклонена"]);
        // No English left: past the codes (capitals and digits), every word in the chart is Russian.
        var chart = await page.Locator("[data-chart='reasons']").TextContentAsync();
        Assert.DoesNotMatch(@"[A-Za-z]*[a-z][A-Za-z]*", chart!);
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

    [Fact]
    public void A_label_longer_than_its_room_is_cut_in_the_picture_but_whole_in_its_tooltip_and_the_table()
    {
        var label = "835 CO-50: Плательщик не считает услугу медицински необходимой";
        var chart = _context.Render<BarChart>(p => p.Add(c => c.Id, "l").Add(c => c.Title, "Reasons").Add(c => c.LabelSpace, 140)
            .Add(c => c.Points, [new ChartPoint(label, 2), new ChartPoint("TA1 024", 1)]));
        var labels = chart.FindAll("text.label");
        var shown = labels[0].FirstChild!.TextContent;
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.StartsWith("835 CO-50", shown, StringComparison.Ordinal);
        Assert.True(shown.Length <= 140 / 7, shown);
        Assert.Equal(label, labels[0].QuerySelector("title")!.TextContent);
        Assert.Equal("TA1 024", labels[1].TextContent);
        Assert.Equal([label, "TA1 024"], chart.FindAll("table th").Select(th => th.TextContent));
    }

    public void Dispose() => _context.Dispose();
}
