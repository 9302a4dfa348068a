using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Delivery;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing.Broker;
using DentalClaimsHub.Testing.Postgres;
using DentalClaimsHub.Testing.Processes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sim = DentalClaimsHub.PayerSimulator.PayerSimulator;

namespace DentalClaimsHub.Load;

/// <summary>
/// The multi-instance proofs (issue 9): two hub processes on one PostgreSQL database and one RabbitMQ virtual host, the
/// payer simulated in this process. Per scenario, <c>count</c> claims are submitted across both instances (a client
/// that fails over to the other instance with the same Idempotency-Key); once a quarter of them reached the payer, a
/// fault is injected: <c>kill</c> (SIGKILL one instance, start it again), <c>broker</c> (RabbitMQ down for 30 s),
/// <c>postgres</c> (PostgreSQL restarted). The payer's 999s are pushed back into the hub (either instance). Passes when
/// every claim was accepted once, the payer received every claim exactly once and every claim reached Acknowledged.
/// </summary>
public static class ScaleProof
{
    private const string Payer = "demo-x12-dental";
    private const int Patients = 16;
    private const int InFlight = 16;
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(2);

    public sealed record Result(string Scenario, string Fault, int Claims, TimeSpan Intake, TimeSpan AllAcknowledged, int Accepted,
        int AtPayer, int Duplicates, int Acknowledged, int Failovers, int ResentDiscarded, IReadOnlyList<string> Problems)
    {
        public bool Passed => Problems.Count == 0;
    }

    public static async Task<int> RunAsync(string root, int count, IReadOnlyList<string> scenarios, CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable("DCH_DATABASE")
            ?? throw new InvalidOperationException("DCH_DATABASE is not set: run the proofs through ./hub test --scale.");
        var apiDll = Path.Combine(root, "src", "DentalClaimsHub.Api", "bin", "Release", "net10.0", "DentalClaimsHub.Api.dll");
        if (!File.Exists(apiDll))
        {
            throw new InvalidOperationException($"{apiDll} is missing: build the solution in Release first.");
        }

        await using var scratch = await TestDatabase.CreateAsync("scale proof", server);
        var database = scratch.ConnectionString;
        await using var broker = await TestBroker.CreateAsync("scale proof");
        var brokerUrl = broker.Url;
        await using var simulator = Sim.Start();
        simulator.Routes.ResponseDelay = TimeSpan.FromMilliseconds(50);
        var environment = HubInstance.ProductionEnvironment(database, "scale-proof");
        environment["Messaging__Transport"] = "RabbitMq";
        environment["Messaging__RabbitMq__Url"] = brokerUrl;
        environment["Hub__Variables__SIMULATOR_URL"] = simulator.Url;
        environment["Hub__Console__AdminPassword"] = "Scale-proof-only-1";
        using var first = new HubInstance("hub-1", apiDll, HubInstance.FreePort(), environment, throughLauncher: true);
        using var second = new HubInstance("hub-2", apiDll, HubInstance.FreePort(), environment, throughLauncher: true);
        HubInstance[] instances = [first, second];
        // The first applies the migrations; the second starts against the migrated database.
        first.Start();
        await first.WaitReadyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        second.Start();
        await second.WaitReadyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        var consumers = await broker.ConsumersAsync("ClaimSubmitter");
        Console.WriteLine($"two hub instances ready: {first}, {second}; {consumers} consumers share the ClaimSubmitter queue on {broker.VirtualHost}");

        var (practiceKey, insurerKey) = await SeedKeysAsync(database, cancellationToken);
        var client = new ProofClient(instances, practiceKey, insurerKey);
        var subjects = await client.SubjectsAsync(Patients, cancellationToken);
        using var pumpStop = new CancellationTokenSource();
        var pump = client.PumpAcknowledgementsAsync(simulator, pumpStop.Token);

        var results = new List<Result>();
        foreach (var scenario in scenarios)
        {
            Func<Task<string>> fault = scenario switch
            {
                "kill" => async () =>
                {
                    first.Kill();
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                    first.Start();
                    return "SIGKILL hub-1, started again after 2 s";
                },
                "broker" => async () =>
                {
                    await HubScriptAsync(root, "broker", "stop");
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                    await HubScriptAsync(root, "broker", "start");
                    return "RabbitMQ stopped for 30 s";
                },
                "postgres" => async () =>
                {
                    await HubScriptAsync(root, "db", "restart");
                    return "PostgreSQL restarted";
                },
                _ => throw new ArgumentException($"Unknown scenario '{scenario}' (kill, broker, postgres).", nameof(scenarios)),
            };
            var result = await RunScenarioAsync(scenario, count, fault, client, subjects, simulator, database, cancellationToken);
            results.Add(result);
            Console.WriteLine(Describe(result));
            if (!first.IsRunning || !second.IsRunning)
            {
                Console.WriteLine("an instance is down after the scenario:\n" + first.Tail() + "\n" + second.Tail());
                break;
            }
        }

        await pumpStop.CancelAsync();
        await pump;
        Console.WriteLine();
        Console.WriteLine("| scenario | fault | claims | intake | all acknowledged | at payer (dupes) | failovers | re-sent, discarded by payer | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Fault} | {r.Claims} | {r.Intake.TotalSeconds:0.0} s ({r.Claims / r.Intake.TotalSeconds:0}/s) | {r.AllAcknowledged.TotalSeconds:0.0} s | {r.AtPayer} ({r.Duplicates}) | {r.Failovers} | {r.ResentDiscarded} | {(r.Passed ? "pass" : "FAIL")} |"));
        }

        var failed = results.Where(r => !r.Passed).ToList();
        foreach (var r in failed)
        {
            Console.WriteLine($"FAIL {r.Scenario}: {string.Join("; ", r.Problems)}");
        }

        Console.WriteLine(failed.Count == 0 && results.Count == scenarios.Count
            ? $"RESULT scale proofs passed: {string.Join(", ", scenarios)}"
            : "RESULT scale proofs FAILED");
        return failed.Count == 0 && results.Count == scenarios.Count ? 0 : 1;
    }

    private static async Task<Result> RunScenarioAsync(string scenario, int count, Func<Task<string>> fault, ProofClient client,
        IReadOnlyList<(Guid Patient, Guid Coverage)> subjects, Sim simulator, string database, CancellationToken cancellationToken)
    {
        var prefix = scenario[..Math.Min(4, scenario.Length)].ToUpperInvariant() + "-";
        Console.WriteLine($"== {scenario}: {count} claims ({prefix}…) across two instances");
        var repeatsBefore = simulator.CoreBatch.Repeats;
        var failoversBefore = client.Failovers;
        var clock = Stopwatch.StartNew();
        var atPayer = () => simulator.Ledger.Claims.Count(c => c.PatientControlNumber.StartsWith(prefix, StringComparison.Ordinal));
        var ids = new ConcurrentDictionary<string, Guid>();
        // Mid-batch: a quarter of the claims accepted and the payer already taking them, the rest still coming in.
        var injected = Task.Run(async () =>
        {
            while (ids.Count < count / 4 || atPayer() == 0)
            {
                await Task.Delay(20, cancellationToken);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   fault at {clock.Elapsed.TotalSeconds:0.0} s with {ids.Count} claims accepted and {atPayer()} at the payer"));
            var what = await fault();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {what}; over at {clock.Elapsed.TotalSeconds:0.0} s"));
            return what;
        }, cancellationToken);

        using (var gate = new SemaphoreSlim(InFlight))
        {
            await Task.WhenAll(Enumerable.Range(1, count).Select(async n =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var pcn = string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:D5}");
                    ids[pcn] = await client.SubmitAsync(n, subjects[n % subjects.Count], pcn, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var intake = clock.Elapsed;
        // Waits while claims keep moving: it gives up after two minutes without progress (or 30 minutes in all).
        var acknowledged = 0;
        TimeSpan? all = null;
        var progressAt = DateTime.UtcNow;
        var giveUp = DateTime.UtcNow.AddMinutes(30);
        while (DateTime.UtcNow < giveUp && DateTime.UtcNow - progressAt < Stall && !(all is not null && injected.IsCompleted))
        {
            var now = await TryCountAsync(database, db => db.Claims.CountAsync(
                c => c.PatientControlNumber.StartsWith(prefix) && c.State == ClaimState.Acknowledged, cancellationToken)) ?? acknowledged;
            if (now != acknowledged || !injected.IsCompleted)
            {
                progressAt = DateTime.UtcNow;
            }

            acknowledged = now;
            all ??= acknowledged == count ? clock.Elapsed : null;
            await Task.Delay(250, cancellationToken);
        }

        var what = await injected.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        await Task.Delay(2000, cancellationToken); // a late duplicate would show up now
        var ledger = simulator.Ledger.Claims.Where(c => c.PatientControlNumber.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var problems = new List<string>();
        if (ids.Count != count || ids.Values.Distinct().Count() != count)
        {
            problems.Add($"{ids.Values.Distinct().Count()} distinct claims accepted of {count}");
        }

        if (ledger.Count != count)
        {
            problems.Add($"the payer received {ledger.Count} distinct claims of {count}");
        }

        var duplicates = ledger.Sum(c => c.Count - 1);
        if (duplicates > 0)
        {
            problems.Add($"the payer received {duplicates} duplicates ({string.Join(", ", ledger.Where(c => c.Count > 1).Take(5).Select(c => c.PatientControlNumber))}…)");
        }

        if (acknowledged != count)
        {
            var states = await TryCountStatesAsync(database, prefix);
            problems.Add($"{acknowledged} of {count} claims Acknowledged, no progress for {Stall.TotalMinutes:0} minutes ({states})");
        }

        var stored = await TryCountAsync(database, db => db.Claims.CountAsync(c => c.PatientControlNumber.StartsWith(prefix), cancellationToken));
        if (stored != count)
        {
            problems.Add($"{stored} claims stored for {count} submitted");
        }

        return new Result(scenario, what, count, intake, all ?? clock.Elapsed, ids.Count, ledger.Count, duplicates, acknowledged, client.Failovers - failoversBefore,
            simulator.CoreBatch.Repeats - repeatsBefore, problems);
    }

    private static string Describe(Result r) =>
        FormattableString.Invariant($"   {(r.Passed ? "pass" : "FAIL")}: accepted {r.Accepted} in {r.Intake.TotalSeconds:0.0} s, at the payer {r.AtPayer} (duplicates {r.Duplicates}), ")
        + FormattableString.Invariant($"acknowledged {r.Acknowledged} after {r.AllAcknowledged.TotalSeconds:0.0} s, failovers {r.Failovers}, re-sent and discarded by the payer {r.ResentDiscarded}")
        + (r.Passed ? "" : " — " + string.Join("; ", r.Problems));

    private static async Task<(string Practice, string Insurer)> SeedKeysAsync(string database, CancellationToken cancellationToken)
    {
        await using var db = Context(database);
        var now = DateTimeOffset.UtcNow;
        var practiceKey = HubSeed.AddPracticeWithKey(db, "Scale Proof Dental", "scale proof", now);
        var (insurerKey, insurerPrefix, insurerHash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForInsurer(Payer, "scale proof acknowledgements", Scopes.Insurer, insurerHash, insurerPrefix, now));
        await db.SaveChangesAsync(cancellationToken);
        return (practiceKey, insurerKey);
    }

    internal static HubDbContext Context(string database)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(database);
        return HubDbContext.Create(options.Options, TenantContext.System());
    }

    // While PostgreSQL restarts a count fails: that poll is skipped.
    private static async Task<int?> TryCountAsync(string database, Func<HubDbContext, Task<int>> count)
    {
        try
        {
            await using var db = Context(database);
            return await count(db);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    private static async Task<string> TryCountStatesAsync(string database, string prefix)
    {
        try
        {
            await using var db = Context(database);
            var states = await db.Claims.Where(c => c.PatientControlNumber.StartsWith(prefix)).GroupBy(c => c.State)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            return string.Join(", ", states.Select(s => $"{s.Key} {s.Count}"));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return "states unreadable: " + ex.GetType().Name;
        }
    }

    private static async Task HubScriptAsync(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "hub")) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("./hub did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"./hub {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    /// <summary>What the practice system and the insurer do: submit with failover, push acknowledgements back.</summary>
    private sealed class ProofClient(HubInstance[] instances, string practiceKey, string insurerKey)
    {
        private readonly HttpClient[] _practice = [.. instances.Select(i => Client(i, practiceKey))];
        private readonly HttpClient[] _insurer = [.. instances.Select(i => Client(i, insurerKey))];
        private int _failovers;

        public int Failovers => Volatile.Read(ref _failovers);

        public async Task<IReadOnlyList<(Guid Patient, Guid Coverage)>> SubjectsAsync(int count, CancellationToken cancellationToken)
        {
            var subjects = new List<(Guid, Guid)>();
            for (var i = 0; i < count; i++)
            {
                var http = _practice[i % _practice.Length];
                var patient = await PostAsync(http, "/v1/patients", new JsonObject
                {
                    ["name"] = new JsonObject { ["last"] = "Scaleproof", ["first"] = "Patient" + i },
                    ["birthDate"] = "1980-01-01",
                    ["sex"] = i % 2 == 0 ? "female" : "male",
                }, cancellationToken);
                var coverage = await PostAsync(http, $"/v1/patients/{patient}/coverages", new JsonObject
                {
                    ["payerId"] = Payer,
                    ["memberId"] = string.Create(CultureInfo.InvariantCulture, $"SCALE{i:D5}"),
                    ["groupNumber"] = "GRP-SCALE",
                    ["order"] = "primary",
                    ["relationship"] = "self",
                    ["validFrom"] = "2026-01-01",
                }, cancellationToken);
                subjects.Add((patient, coverage));
            }

            return subjects;
        }

        /// <summary>
        /// Posts the claim to instance <c>n % 2</c>; on a connection failure or a 5xx the same request (same
        /// Idempotency-Key) goes to the other instance, as a load balancer would send it, until one accepts it.
        /// </summary>
        public async Task<Guid> SubmitAsync(int n, (Guid Patient, Guid Coverage) subject, string pcn, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["patientId"] = subject.Patient,
                ["coverageId"] = subject.Coverage,
                ["patientControlNumber"] = pcn,
                ["total"] = 425m,
                ["diagnoses"] = new JsonArray("K02.52"),
                ["lines"] = new JsonArray(
                    new JsonObject
                    {
                        ["code"] = "D2392", ["tooth"] = "30", ["surfaces"] = "MO", ["fee"] = 185m, ["serviceDate"] = "2026-11-20",
                        ["diagnosisPointers"] = new JsonArray(1),
                    },
                    new JsonObject { ["code"] = "D4341", ["area"] = "30", ["fee"] = 240m, ["serviceDate"] = "2026-11-20" }),
            }.ToJsonString();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            for (var attempt = 0; ; attempt++)
            {
                var http = _practice[(n + attempt) % _practice.Length];
                string problem;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("Idempotency-Key", "scale-" + pcn);
                    using var response = await http.SendAsync(request, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!.GetValue<Guid>();
                    }

                    problem = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    if ((int)response.StatusCode < 500)
                    {
                        throw new InvalidOperationException($"{pcn}: {problem}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    problem = ex.GetType().Name;
                }

                Interlocked.Increment(ref _failovers);
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{pcn} was never accepted: {problem}");
                }

                await Task.Delay(attempt < 2 ? 50 : 250, cancellationToken);
            }
        }

        /// <summary>
        /// The insurer's side: every 999 the simulated payer wrote is pushed to <c>/inbound/{payer}/x12</c> of either
        /// instance as soon as it is written, so it often overtakes the hub's record of the payer's receipt (and after a
        /// kill it is the only receipt): the hub takes the 999 as the receipt then.
        /// </summary>
        public async Task PumpAcknowledgementsAsync(Sim simulator, CancellationToken cancellationToken)
        {
            var pushed = new ConcurrentDictionary<long, bool>();
            var turn = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var waiting = simulator.Acknowledgements.Pending.Where(a => a.Kind == "999" && !pushed.ContainsKey(a.Id)).ToList();
                    if (waiting.Count > 0)
                    {
                        // Four files in flight, spread over the instances, as an insurer's gateway would push them.
                        await Parallel.ForEachAsync(waiting,
                            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (ack, ct) =>
                            {
                                var http = _insurer[Interlocked.Increment(ref turn) % _insurer.Length];
                                try
                                {
                                    using var response = await http.PostAsync($"/inbound/{Payer}/x12",
                                        new StringContent(ack.Payload, Encoding.UTF8, "application/edi-x12"), ct);
                                    if (response.IsSuccessStatusCode)
                                    {
                                        pushed[ack.Id] = true;
                                    }
                                }
                                catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException && !ct.IsCancellationRequested)
                                {
                                    // That instance is down: the next round pushes the file again.
                                }
                            });
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException
                    || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // An instance is down right now: the next round tries again.
                }

                try
                {
                    await Task.Delay(500, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private static HttpClient Client(HubInstance instance, string key)
        {
            var http = new HttpClient { BaseAddress = instance.Url, Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return http;
        }

        private static async Task<Guid> PostAsync(HttpClient http, string path, JsonObject body, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? JsonNode.Parse(text)!["id"]!.GetValue<Guid>()
                : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }
    }
}
