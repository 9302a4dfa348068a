using System.Net.Sockets;
using DentalClaimsHub.Adapters.Transports.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The payers page lists every profile with its routes; after one good and one failed exchange through the real payer
/// pipeline it shows the circuit closed with the time of each and the failure's kind.
/// </summary>
public sealed class PayersPageTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task Every_payer_is_listed_with_its_circuit_and_last_success_and_failure()
    {
        const string payer = "demo-fhir-dental";
        var http = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(PayerHttp.ClientName);
        using (var ok = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, factory.Simulator.Url).ForPayer(payer, idempotent: false)))
        {
            Assert.True((int)ok.StatusCode < 500);
        }

        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{closedPort}/").ForPayer(payer, idempotent: false)));

        var snapshot = factory.Services.GetRequiredService<PayerCircuits>().Snapshot(payer);
        Assert.Equal(Polly.CircuitBreaker.CircuitState.Closed, snapshot.State);
        Assert.NotNull(snapshot.LastSuccessAt);
        Assert.Equal(("HttpRequestException", PayerFailures.NoConnection), (snapshot.LastFailureReason, snapshot.LastFailureCode));

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Payers" }).ClickAsync();
        var row = page.Locator($"tr[data-payer='{payer}']");
        await Assertions.Expect(row.Locator("[data-circuit]")).ToHaveAttributeAsync("data-circuit", "Closed");
        await Assertions.Expect(row).ToContainTextAsync("HttpRequestException");
        var x12 = page.Locator("tr[data-payer='demo-x12-dental']");
        await Assertions.Expect(x12.Locator("[data-kind]")).ToHaveTextAsync("X12 (US payer)");
        await Assertions.Expect(x12.Locator("[data-capability='Claims']")).ToHaveTextAsync("Claims: X12 (ASC X12 005010) / CAQH CORE batch");
        await AccessibleAsync(page, "payers-01-list");

        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Плательщики");
        await Assertions.Expect(row.Locator("[data-circuit]")).ToHaveTextAsync("Замкнут (исправен)");
        await Assertions.Expect(x12.Locator("[data-capability='Eligibility']")).ToHaveTextAsync("Проверка покрытия: X12 (ASC X12 005010) / CAQH CORE в реальном времени");
        await Assertions.Expect(x12.Locator("[data-kind]")).ToHaveTextAsync("X12 (плательщик США)");
        await Assertions.Expect(row.Locator("[data-last-failure]")).ToContainTextAsync("Не удалось подключиться к плательщику");
        await Assertions.Expect(row.Locator("[data-last-failure]")).Not.ToContainTextAsync("Exception");
        await AccessibleAsync(page, "payers-02-list-ru");
    }
}
