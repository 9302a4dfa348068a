using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Postgres;
using DentalClaimsHub.Testing.Processes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>
/// The exactly-once proof with a real crash: the hub runs as its own process, claims stream in, the process is killed
/// with SIGKILL mid-batch (while the payer holds answers, so deliveries are in flight) and started again. Clients retry
/// with their Idempotency-Keys; the payer simulator must have received every claim exactly once.
/// </summary>
public sealed class ClaimCrashTests(ITestOutputHelper output)
{
    private const int Claims = 240;
    private const int KillWhenPayerHas = 40;
    private const int Patients = 8;

    [Fact]
    public async Task KillMinus9MidBatch_EveryClaimReachesThePayerExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(ClaimCrashTests));
        await using var simulator = PayerSimulator.PayerSimulator.Start();
        simulator.Routes.ResponseDelay = TimeSpan.FromMilliseconds(150);
        var environment = HubInstance.ProductionEnvironment(database.ConnectionString, "crash-test");
        environment["Hub__Variables__SIMULATOR_URL"] = simulator.Url;
        environment["Hub__Claims__Delivery__SweepInterval"] = "00:00:00.500";
        environment["Hub__Claims__Delivery__QueuedGrace"] = "00:00:01";
        using var hub = new HubInstance("hub", RepositoryPaths.HubApiDll, HubInstance.FreePort(), environment);
        try
        {
            hub.Start();
            using var http = new HttpClient { BaseAddress = hub.Url, Timeout = TimeSpan.FromSeconds(20) };
            await hub.WaitReadyAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SeedPracticeAsync(database.ConnectionString));
            var subjects = new List<(Guid Patient, Guid Coverage)>();
            for (var i = 0; i < Patients; i++)
            {
                subjects.Add(await SubjectAsync(http, i));
            }

            var ids = new ConcurrentDictionary<string, Guid>();
            using var gate = new SemaphoreSlim(8);
            // The crash comes once the payer has some claims: others are then queued, prepared or in flight (held by the payer).
            var crash = Task.Run(async () =>
            {
                while (simulator.Ledger.Claims.Count < KillWhenPayerHas)
                {
                    await Task.Delay(10);
                }

                hub.Kill();
                var accepted = ids.Count;
                var atPayer = simulator.Ledger.Claims.Count;
                output.WriteLine($"SIGKILL with {accepted} claims accepted and {atPayer} at the payer");
                hub.Start();
                return (accepted, atPayer);
            });
            var submissions = Enumerable.Range(1, Claims).Select(async n =>
            {
                await gate.WaitAsync();
                try
                {
                    var pcn = $"CRASH-{n:D4}";
                    ids[pcn] = await SubmitWithRetriesAsync(http, Request(subjects[n % Patients], pcn), key: $"crash-key-{n}");
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(submissions);
            var (acceptedAtCrash, atPayerAtCrash) = await crash.WaitAsync(TimeSpan.FromSeconds(90));
            Assert.InRange(atPayerAtCrash, KillWhenPayerHas, Claims - 1);

            var submitted = await WaitAllSubmittedAsync(database.ConnectionString, TimeSpan.FromSeconds(90));
            var ledger = simulator.Ledger.Claims.Where(c => c.PatientControlNumber.StartsWith("CRASH-", StringComparison.Ordinal)).ToList();
            output.WriteLine($"after the crash ({acceptedAtCrash} accepted, {atPayerAtCrash} at the payer): submitted {submitted}/{Claims}; payer ledger {ledger.Count}, duplicates {simulator.Ledger.Duplicates}, "
                + $"re-sent submissions discarded by the payer {simulator.CoreBatch.Repeats}");

            Assert.Equal(Claims, submitted);
            Assert.Equal(Claims, ids.Values.Distinct().Count());
            Assert.Equal(Claims, ledger.Count);
            Assert.All(ledger, c => Assert.Equal(1, c.Count));
            Assert.Equal(0, simulator.Ledger.Duplicates);
            Assert.Equal(Claims, await CountAsync(database.ConnectionString, db => db.Claims.CountAsync()));
        }
        catch
        {
            output.WriteLine(hub.Tail());
            throw;
        }
    }

    private static ClaimRequest Request((Guid Patient, Guid Coverage) subject, string pcn) => new()
    {
        PatientId = subject.Patient,
        CoverageId = subject.Coverage,
        PatientControlNumber = pcn,
        Total = 425m,
        Diagnoses = ["K02.52"],
        Lines =
        [
            new ClaimLineRequest
            {
                Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, DiagnosisPointers = [1],
                ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
            },
            new ClaimLineRequest { Code = "D4341", Area = "30", Fee = 240m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2) },
        ],
    };

    // What a well-behaved client does: retry on connection failures and 5xx with the same Idempotency-Key.
    private static async Task<Guid> SubmitWithRetriesAsync(HttpClient http, ClaimRequest body, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (await response.Content.ReadFromJsonAsync<ClaimResponse>())!.Id;
                }

                if ((int)response.StatusCode < 500)
                {
                    Assert.Fail($"{body.PatientControlNumber}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The hub is down or restarting.
            }

            Assert.True(DateTime.UtcNow < deadline, $"{body.PatientControlNumber} was never accepted");
            await Task.Delay(200);
        }
    }

    private static async Task<(Guid, Guid)> SubjectAsync(HttpClient http, int i)
    {
        var patient = await (await http.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest(first: $"Crash{i}")))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await http.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest() with
            {
                MemberId = $"CRASH{i:D6}",
            }))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        return (patient.Id, coverage!.Id);
    }

    private static async Task<int> WaitAllSubmittedAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int submitted;
        do
        {
            submitted = await CountAsync(connectionString, db => db.Claims.CountAsync(c => c.State == ClaimState.Submitted));
            if (submitted == Claims)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return submitted;
    }

    private static async Task<string> SeedPracticeAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        var now = DateTimeOffset.UtcNow;
        var practice = Practice.Create("Crash Test Dental", "US", "America/Chicago", now, npi: Npi.Parse("1234567893"), taxId: "741234567",
            id: Guid.CreateVersion7(now));
        practice.SetAddress(new Address("1200 Shore Dr", null, "Chicago", "IL", "60601", "US"));
        db.Practices.Add(practice);
        var (plain, prefix, hash) = ApiKeySecret.Generate();
        db.ApiKeys.Add(ApiKey.ForPractice(practice.Id, "crash test key", Scopes.Practice, hash, prefix, now));
        await db.SaveChangesAsync();
        return plain;
    }

    private static async Task<int> CountAsync(string connectionString, Func<HubDbContext, Task<int>> count)
    {
        await using var db = Context(connectionString);
        return await count(db);
    }

    private static HubDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(connectionString);
        return HubDbContext.Create(options.Options, TenantContext.System());
    }
}
