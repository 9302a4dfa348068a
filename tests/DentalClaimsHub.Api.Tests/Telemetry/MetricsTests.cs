using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Eligibility;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Polly.CircuitBreaker;

namespace DentalClaimsHub.Api.Tests.Telemetry;

/// <summary>The hub's meter after real deliveries: gauges read from the database, payer latency, claim counters, /metrics.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    private const string Payer = "demo-x12-dental";
    private static readonly TimeSpan PayerTimerSlack = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task Collect_AfterDeliveries_GaugesMatchTheDatabaseAndThePayerLatencyCountsEveryCall()
    {
        var practice = await factory.CreatePracticeAsync("Metered Dental");
        for (var i = 0; i < 2; i++)
        {
            var created = await ClaimSubmissions.SubmitAsync(practice);
            await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");
        }

        // Rows another instance holds for the next hour: undispatched, so the outbox depth cannot read zero.
        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO outbox_messages (message_id, message_type, body, created_at, attempts, locked_until, locked_by)
            SELECT gen_random_uuid(), 'Nothing.Real, Nowhere', jsonb_build_object(), now(), 0, now() + interval '1 hour', 'elsewhere'
            FROM generate_series(1, 3)
            """));

        var (metrics, states, pending) = await CollectStableAsync();

        var claims = Points(metrics, "dch.claims");
        Assert.Equal(Enum.GetValues<ClaimState>().Length, claims.Count);
        Assert.All(Enum.GetValues<ClaimState>(), state =>
            Assert.Equal(states.GetValueOrDefault(state), claims[DatabaseGauges.StateName(state)].GetGaugeLastValueLong()));
        Assert.True(claims["submitted"].GetGaugeLastValueLong() + claims["accepted"].GetGaugeLastValueLong()
            + claims["acknowledged"].GetGaugeLastValueLong() >= 2);
        Assert.Equal(pending, Assert.Single(Metric(metrics, "dch.outbox.pending")).GetGaugeLastValueLong());
        Assert.True(pending >= 3, $"outbox depth {pending}");

        var calls = factory.Simulator.Received(CoreBatchModule.Path).Count;
        var latency = Metric(metrics, "dch.payer.request.duration")
            .Single(p => Tags(p) is { } t && t["payer.id"] == Payer && t["payer.operation"] == "claim-submission" && t["outcome"] == "success");
        Assert.Equal(calls, latency.GetHistogramCount());
        Assert.InRange(latency.GetHistogramSum() / calls, 0.0001, 30);

        var circuit = Metric(metrics, "dch.payer.circuit.state").Single(p => Tags(p)["payer.id"] == Payer);
        Assert.Equal(0, circuit.GetGaugeLastValueLong());

        var ofPayer = await factory.InDatabaseAsync(db => db.Claims.CountAsync(c => c.PayerId == Payer));
        Assert.Equal(ofPayer, Metric(metrics, "dch.claims.submitted").Single(p => Tags(p)["payer.id"] == Payer).GetSumLong());
        Assert.Equal(ofPayer, Metric(metrics, "dch.claims.delivered").Single(p => Tags(p)["payer.id"] == Payer).GetSumLong());

        await factory.InDatabaseAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE locked_by = 'elsewhere'"));
    }

    [Fact]
    public async Task Collect_PayerUnreachable_CircuitReadsOpenAndEveryCallIsCountedByOutcome()
    {
        const string payer = "telemetry-unreachable";
        var http = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(PayerHttp.ClientName);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var failures = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{closedPort}/")
                    .ForPayer(payer, idempotent: false, PayerOperations.Eligibility);
                using var response = await http.SendAsync(request);
                failures.Add("answered " + (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or BrokenCircuitException)
            {
                failures.Add(e.GetType().Name);
            }
        }

        var (metrics, _, _) = await CollectStableAsync();

        Assert.Contains(nameof(BrokenCircuitException), failures);
        Assert.Equal(2, Metric(metrics, "dch.payer.circuit.state").Single(p => Tags(p)["payer.id"] == payer).GetGaugeLastValueLong());
        var calls = Metric(metrics, "dch.payer.request.duration").Where(p => Tags(p)["payer.id"] == payer)
            .ToDictionary(p => Tags(p)["outcome"] ?? "", p => p.GetHistogramCount());
        Assert.Equal(8, calls.Values.Sum());
        Assert.Equal(failures.Count(f => f == nameof(HttpRequestException)), calls["transport_error"]);
        Assert.Equal(failures.Count(f => f == nameof(BrokenCircuitException)), calls["circuit_open"]);
        Assert.All(Metric(metrics, "dch.payer.request.duration").Where(p => Tags(p)["payer.id"] == payer),
            p => Assert.Equal("eligibility", Tags(p)["payer.operation"]));
    }

    [Fact]
    public async Task Metrics_PrometheusScrape_ServesTheHubMeterAsText()
    {
        var practice = await factory.CreatePracticeAsync("Scraped Dental");
        var created = await ClaimSubmissions.SubmitAsync(practice);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");

        using var response = await factory.CreateClient().GetAsync("/metrics");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches("""(?m)^dch_claims\{[^}]*claim_state="submitted"[^}]*\} [1-9]""", text);
        Assert.Matches("""(?m)^dch_payer_request_duration_seconds_bucket\{[^}]*payer_id="demo-x12-dental".*\} [1-9]""", text);
        Assert.Matches("""(?m)^dch_outbox_pending(\{[^}]*\})? \d""", text);
    }

    [Fact]
    public async Task HubAdded_AnEligibilityCheck_IsItsTimeLessThePayersAndARequestWithoutAPayerIsNotCounted()
    {
        var practice = await factory.CreatePracticeAsync("Timed Dental");
        var payerHold = TimeSpan.FromMilliseconds(600);
        factory.Simulator.Routes.ResponseDelay = payerHold;
        try
        {
            var watch = Stopwatch.StartNew();
            var (response, check) = await EligibilityChecks.PostAsync(practice.Client,
                EligibilityChecks.RequestFor(Payer, EligibilityChecks.Member("XTIM")));
            var took = watch.Elapsed;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("completed", check.Status);
            // Read back without a payer: the hub's whole time, not "added" to anything.
            using var read = await practice.Client.GetAsync($"/v1/eligibility/{check.Id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            var (metrics, _, _) = await CollectStableAsync();

            var points = Metric(metrics, "dch.hub.added.duration");
            Assert.DoesNotContain(points, p => Tags(p)["http.route"] == "/v1/eligibility/{id:guid}");
            var added = Assert.Single(points, p => Tags(p)["http.route"] == "/v1/eligibility/");
            Assert.Equal("POST", Tags(added)["http.request.method"]);
            Assert.Equal(1, added.GetHistogramCount());
            // The payer's hold is not in it; what is left is the hub's own share of what the client waited. The simulator's
            // timer may fire up to a millisecond early (its clock ticks in whole milliseconds), so the payer's measured wait
            // can fall just short of the hold: a few milliseconds of slack, against the 600 ms that a missing subtraction adds.
            Assert.InRange(added.GetHistogramSum(), 0.0000001, (took - payerHold + PayerTimerSlack).TotalSeconds);
        }
        finally
        {
            factory.Simulator.Routes.ResponseDelay = TimeSpan.Zero;
        }
    }

    // Claims may still move (a 277CA arrives) while the gauges are read: read the database before and after a collection and
    // take the collection only when both readings agree.
    private async Task<(List<MetricSnapshot> Metrics, Dictionary<ClaimState, long> States, long Pending)> CollectStableAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = await ReadDatabaseAsync();
            factory.Metrics.Clear();
            // The result is false whatever the in-memory reader did: the Prometheus reader only collects for a scrape.
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
            var metrics = factory.Metrics.Snapshot();
            Assert.NotEmpty(metrics);
            var after = await ReadDatabaseAsync();
            if ((before.Pending == after.Pending && before.States.Count == after.States.Count && !before.States.Except(after.States).Any())
                || attempt == 5)
            {
                return (metrics, after.States, after.Pending);
            }

            await Task.Delay(200);
        }
    }

    private Task<(Dictionary<ClaimState, long> States, long Pending)> ReadDatabaseAsync() => factory.InDatabaseAsync(async db =>
    (
        await db.Claims.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count),
        await db.OutboxMessages.LongCountAsync(m => m.DispatchedAt == null)));

    private static List<MetricPoint> Metric(List<MetricSnapshot> metrics, string name)
    {
        var snapshot = metrics.LastOrDefault(m => m.Name == name);
        Assert.True(snapshot is not null, $"no {name} among: {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        return [.. snapshot.MetricPoints];
    }

    private static Dictionary<string, MetricPoint> Points(List<MetricSnapshot> metrics, string name) =>
        Metric(metrics, name).ToDictionary(p => Tags(p)["claim.state"] ?? "");

    private static Dictionary<string, string?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value?.ToString();
        }

        return tags;
    }
}
