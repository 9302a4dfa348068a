using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Load;

/// <summary>
/// Issue 6's remittance benchmark, end to end over real parts: COUNT claims go through the hub to the simulated payer
/// (seeding, not measured), the payer adjudicates all of them in one 835, and the timed part is the insurer pushing that
/// file to <c>POST /inbound/{payer}/x12</c>: parse, match every CLP to its claim, post payments and claim states with their
/// outbox events, in one transaction. A second push of the same file shows the duplicate path.
/// </summary>
public static class Remittance835Scenario
{
    public static async Task<int> RunAsync(HttpClient hub, IServiceProvider services, LoadOptions options, Func<int, CancellationToken, Task<string>> submit,
        int count, CancellationToken cancellationToken)
    {
        Console.WriteLine($"seeding {count} claims through the hub…");
        var pcns = new string[count];
        var seeding = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                pcns[i] = await submit(i, cancellationToken);
            }
        }));
        Console.WriteLine($"  {count} claims accepted by the API in {seeding.Elapsed.TotalSeconds:0.0} s; waiting for the payer to hold them all…");

        var simulator = new HttpClient { BaseAddress = new Uri(options.SimulatorUrl), Timeout = TimeSpan.FromMinutes(5) };
        var wanted = pcns.ToHashSet(StringComparer.Ordinal);
        for (var seen = 0; seen < count; await Task.Delay(1000, cancellationToken))
        {
            var ledger = JsonNode.Parse(await simulator.GetStringAsync("/_sim/claims", cancellationToken))!;
            seen = ledger["claims"]!.AsArray().Count(c => wanted.Contains(c!["clm01"]!.GetValue<string>()));
            if (seeding.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"Only {seen} of {count} claims reached the payer.");
            }
        }

        using var adjudicated = await simulator.PostAsJsonAsync("/x12/remittances", new { clm01 = pcns, reverse = false }, cancellationToken);
        adjudicated.EnsureSuccessStatusCode();
        var x12 = await adjudicated.Content.ReadAsByteArrayAsync(cancellationToken);
        Console.WriteLine($"  835 from the payer: {x12.Length / 1048576.0:0.0} MB, {count} claim payments");

        var insurerKey = await InsurerKeyAsync(services, options.PayerId, cancellationToken);
        // PUSH_WHEN=FILE holds the timed push until FILE exists, so a profiler can be attached to a hub that is idle again.
        if (Environment.GetEnvironmentVariable("PUSH_WHEN") is { Length: > 0 } marker)
        {
            Console.WriteLine($"  waiting for {marker} before pushing the 835…");
            while (!File.Exists(marker))
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        using var insurer = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        insurer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", insurerKey);
        var (first, firstBody) = await PushAsync(insurer, options.PayerId, x12, cancellationToken);
        var updated = JsonNode.Parse(firstBody)!["claimsUpdated"]!.GetValue<int>();
        var (again, _) = await PushAsync(insurer, options.PayerId, x12, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT 835 with {count} claim payments ingested end to end in {first.TotalSeconds:0.00} s ({count / first.TotalSeconds:0} payments/s), "
            + $"{updated} claims updated; the same file again answered as a duplicate in {again.TotalMilliseconds:0} ms"));
        return updated == count ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, string Body)> PushAsync(HttpClient insurer, string payerId, byte[] x12, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var content = new ByteArrayContent(x12) { Headers = { ContentType = new("application/edi-x12") } };
        using var response = await insurer.PostAsync($"/inbound/{payerId}/x12", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        }

        return (clock.Elapsed, body);
    }

    private static async Task<string> InsurerKeyAsync(IServiceProvider services, string payerId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var (plain, prefix, hash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForInsurer(payerId, "load test insurer key", Scopes.Insurer, hash, prefix, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return plain;
    }
}
