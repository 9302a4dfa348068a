using System.Globalization;
using System.Net.Http.Json;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Load;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Eligibility load benchmark. run.sh starts PostgreSQL, the simulator (answers held 200 ms) and the hub, then runs this:
//   baseline: the 270 sent straight to the simulator through the hub's own CORE transport (what the payer costs);
//   hub:      POST /v1/eligibility (force=true) at the same rate (what the client sees);
// and prints both and the difference — the latency the hub adds — beside the hub's own measure of it (dch.hub.added.duration
// read from /metrics around the hub phase).
var options = LoadOptions.Parse(args);
if (options.Scenario == "proof")
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return await ScaleProof.RunAsync(RepositoryPaths.Root, options.Count, options.Faults, cancel.Token);
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddHubStorage();
builder.Services.AddPayerProfiles(builder.Configuration);
builder.Services.AddPayerTransports();
using var host = builder.Build();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var payer = host.Services.GetRequiredService<PayerProfileCatalog>().Get(options.PayerId);
var transport = host.Services.GetRequiredService<CaqhCoreTransport>();
var sample270 = File.ReadAllText(options.Sample270);
// --api takes one hub or several (comma-separated): then requests go round-robin to the instances.
var instances = options.ApiUrl.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList();
using var hub = new HttpClient(new RoundRobinHandler(instances, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
{
    BaseAddress = instances[0],
    Timeout = TimeSpan.FromSeconds(60),
};

if (options.Scenario == "roster")
{
    return await RosterScenario.RunAsync(hub.BaseAddress, host.Services, options.Count, stop.Token);
}

Console.WriteLine($"seeding {options.Patients} patients at {options.PayerId}…");
var key = await HubSeed.CreatePracticeKeyAsync(host.Services, stop.Token);
var subjects = await HubSeed.CreatePatientsAsync(hub, key, options.PayerId, options.Patients, stop.Token);

Task Direct(int i, CancellationToken ct) =>
    transport.SendAsync(payer, "X12_270_Request_005010X279A1", sample270, realTime: true, ct);

async Task ThroughHub(int i, CancellationToken ct)
{
    var (patient, coverage) = subjects[i % subjects.Count];
    using var response = await hub.PostAsJsonAsync("/v1/eligibility",
        new { patientId = patient, coverageId = coverage, dateOfService = options.DateOfService, force = true }, ct);
    var body = await response.Content.ReadAsStringAsync(ct);
    if ((int)response.StatusCode != 200 || !body.Contains("\"status\":\"completed\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
    }
}

var claimNumber = 0;
async Task ClaimThroughHub(int i, CancellationToken ct) => await SubmitClaim(i, ct);

async Task<string> SubmitClaim(int i, CancellationToken ct)
{
    var (patient, coverage) = subjects[i % subjects.Count];
    var pcn = string.Create(CultureInfo.InvariantCulture, $"LD{DateTime.UtcNow:HHmmss}{Interlocked.Increment(ref claimNumber):D8}");
    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
    {
        Content = JsonContent.Create(new
        {
            patientId = patient, coverageId = coverage, patientControlNumber = pcn, total = 425m, diagnoses = new[] { "K02.52" },
            lines = new object[]
            {
                new { code = "D2392", tooth = "30", surfaces = "MO", fee = 185m, serviceDate = "2026-11-20", diagnosisPointers = new[] { 1 } },
                new { code = "D4341", area = "30", fee = 240m, serviceDate = "2026-11-20" },
            },
        }),
    };
    request.Headers.Add("Idempotency-Key", pcn);
    using var response = await hub.SendAsync(request, ct);
    if ((int)response.StatusCode != 201)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
    }

    return pcn;
}

if (options.Scenario == "remit835")
{
    return await Remittance835Scenario.RunAsync(hub, host.Services, options, SubmitClaim, options.Count, stop.Token);
}

if (options.Scenario == "claims")
{
    // Claims are accepted synchronously (checked, stored with their outbox events) and delivered in the background.
    Console.WriteLine($"warming up for {options.Warmup.TotalSeconds:0} s…");
    await OpenLoop.RunAsync(Math.Max(10, options.Rate / 4), options.Warmup, ClaimThroughHub, stop.Token);
    Console.WriteLine($"measuring claim intake at {options.Rate} claims/s for {options.Duration.TotalSeconds:0} s…");
    var claims = await OpenLoop.RunAsync(options.Rate, options.Duration, ClaimThroughHub, stop.Token);
    Console.WriteLine();
    Console.WriteLine(LatencyStats.Header);
    Console.WriteLine(claims.Row("POST /v1/claims"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT claims accepted {claims.Throughput:0.0}/s at {options.Rate} offered; p50 {claims.P50:0.0} ms, p99 {claims.P99:0.0} ms; errors {claims.Errors}"));
    return claims.Errors == 0 ? 0 : 1;
}

// The hub JIT-compiles (and re-compiles with profile data) tens of thousands of methods in its first minute under load;
// a ramp to half the rate lets tiering settle so the measured phase shows the steady state, not the warm-up.
Console.WriteLine($"warming up for {options.Warmup.TotalSeconds:0} s…");
await OpenLoop.RunAsync(Math.Max(10, options.Rate / 5), options.Warmup / 3, Direct, stop.Token);
await OpenLoop.RunAsync(Math.Max(10, options.Rate / 5), options.Warmup / 3, ThroughHub, stop.Token);
await OpenLoop.RunAsync(Math.Max(10, options.Rate / 2), options.Warmup * 2 / 3, ThroughHub, stop.Token);

// The machine's wake-up lateness with the hub and the simulator idle, then beside each measured phase (WakeProbe).
var wakeIdle = await WakeProbe.MeasureAsync(TimeSpan.FromSeconds(5), stop.Token);
Console.WriteLine($"measuring at {options.Rate} requests/s for {options.Duration.TotalSeconds:0} s per phase…");
using var directProbe = WakeProbe.Start(options.Duration);
var direct = await OpenLoop.RunAsync(options.Rate, options.Duration, Direct, stop.Token);
var wakeDirect = directProbe is null ? null : await directProbe.DescribeAsync(stop.Token);

// The hub sat idle during the payer-only phase, and its pools (payer and database connections, threads) were sized for
// half the rate: ten seconds at the full rate first, so the phase measures the steady state, not the step up to it.
// The capture starts before those ten seconds, so its own start-up is not in the measured phase.
using var wire = await WireCapture.StartAsync(instances, new Uri(options.SimulatorUrl), stop.Token);
await OpenLoop.RunAsync(options.Rate, TimeSpan.FromSeconds(10), ThroughHub, stop.Token);
var cpuBefore = ProcessCpu.Read();
using var scrape = new HttpClient();
var scrapeBefore = await HubMetrics.ScrapeAsync(scrape, instances, stop.Token);
using var throughProbe = WakeProbe.Start(options.Duration);
var allocation = HubAllocation.Start(scrape, instances, stop.Token);
var throughFrom = DateTimeOffset.UtcNow;
var through = await OpenLoop.RunAsync(options.Rate, options.Duration, ThroughHub, stop.Token);
var allocated = await allocation.StopAsync();
var scrapeAfter = await HubMetrics.ScrapeAsync(scrape, instances, stop.Token);
var cpuAfter = ProcessCpu.Read();
var wakeThrough = throughProbe is null ? null : await throughProbe.DescribeAsync(stop.Token);
var onTheWire = wire is null ? null : await wire.DescribeAsync(throughFrom, throughFrom + options.Duration, stop.Token);

Console.WriteLine();
Console.WriteLine(LatencyStats.Header);
Console.WriteLine(direct.Row("payer only (simulator)"));
Console.WriteLine(through.Row("through the hub"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT hub-added p50 {through.P50 - direct.P50:0.0} ms, p90 {through.P90 - direct.P90:0.0} ms, p99 {through.P99 - direct.P99:0.0} ms; "
    + $"throughput {through.Throughput:0.0} req/s at {options.Rate} offered; errors {through.Errors}"));
Console.WriteLine(ProcessCpu.PerRequest(cpuBefore, cpuAfter, through.Count + through.Errors));
Console.WriteLine("hub-added as the hub measures it (each check's time in the hub less its payer call; dch.hub.added.duration): "
    + HubAddedHistogram.Describe(HubAddedHistogram.Read(scrapeBefore), HubAddedHistogram.Read(scrapeAfter)));
if (onTheWire is not null)
{
    Console.WriteLine("hub-added on the wire (tcpdump on the loopback; each check's API exchange less its own payer exchange): "
        + onTheWire);
}

Console.WriteLine("the hub's garbage collector during the hub phase (every thread of the hub stops for a pause): "
    + HubGcPauses.Describe(HubGcPauses.Read(scrapeBefore), HubGcPauses.Read(scrapeAfter), options.Duration,
        through.Count + through.Errors, allocated));
Console.WriteLine("answers written together during the hub phase (group commit; dch.db.grouped_write.units): "
    + HubGroupedWrites.Describe(HubGroupedWrites.Read(scrapeBefore), HubGroupedWrites.Read(scrapeAfter)));
if (wakeThrough is not null)
{
    Console.WriteLine("the machine: a process of its own sleeping 1 ms at the hub's priority woke late by");
    Console.WriteLine($"  idle (before the load)      {wakeIdle}");
    Console.WriteLine($"  during the payer-only phase {wakeDirect}");
    Console.WriteLine($"  during the hub phase        {wakeThrough}");
}

if (Environment.GetEnvironmentVariable("LOAD_TIMELINE") == "1")
{
    foreach (var (name, phase) in new[] { ("payer only", direct), ("through the hub", through) })
    {
        Console.WriteLine($"{name}, second by second (ms from the request's due time):");
        foreach (var line in phase.Timeline())
        {
            Console.WriteLine(line);
        }
    }
}

// LOAD_LATENCIES=FILE keeps every request's latency (phase, index, ms) for a closer look at the tail.
if (Environment.GetEnvironmentVariable("LOAD_LATENCIES") is { Length: > 0 } latencyFile)
{
    await File.WriteAllLinesAsync(latencyFile, new[] { (Name: "direct", Phase: direct), (Name: "hub", Phase: through) }.SelectMany(p =>
        p.Phase.ByIndex.Select((ms, i) => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {i} {ms:0.00}"))), stop.Token);
}

return through.Errors == 0 ? 0 : 1;
