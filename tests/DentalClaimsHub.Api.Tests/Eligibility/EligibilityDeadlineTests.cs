using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.EntityFrameworkCore;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// The simulated payers with a five-second eligibility deadline, and the simulator's slow X12 answers taking eight seconds
/// (well within the demo payer's own twenty-second timeout, so the answer does come).
/// </summary>
public sealed class ShortDeadlineFactory : SimulatedPayersFactory
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public ShortDeadlineFactory() => Simulator.CoreRealtime.SlowAnswerDelay = TimeSpan.FromSeconds(8);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Hub:Eligibility:Deadline", Deadline.ToString())];
}

/// <summary>
/// CAQH CORE real time within a deadline: a payer slower than it gets 202 with a Location to poll, and the answer arrives
/// there; an answer that is final by the time the deadline is looked at is given at once (200), never as 202 "completed".
/// </summary>
public sealed class EligibilityDeadlineTests(ShortDeadlineFactory factory) : IClassFixture<ShortDeadlineFactory>
{
    [Fact]
    public async Task Check_SlowerThanTheDeadline_Returns202WithLocationAndTheAnswerArrivesByPolling()
    {
        factory.Simulator.UseForMemberPrefix("DLSLOW", CoreRealtimeModule.EligibilityTimeout);
        var practice = await factory.CreatePracticeAsync();

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", X12.X12Checks.Request(Member("DLSLOW")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
        Assert.Contains(accepted.Status, new[] { "requested", "sent" });
        Assert.Null(accepted.Result);
        Assert.Equal($"/v1/eligibility/{accepted.Id}", response.Headers.Location?.OriginalString);
        EligibilityResponse? polled = null;
        for (var attempt = 0; attempt < 100 && polled?.Status != "completed"; attempt++)
        {
            await Task.Delay(100);
            polled = await practice.Client.GetFromJsonAsync<EligibilityResponse>(response.Headers.Location);
        }

        Assert.Equal("completed", polled!.Status);
        Assert.Equal("active", polled.Result!.CoverageStatus);
        // Stored as pending at the deadline, then updated by the answer: one row, one audit event of the request.
        Assert.Equal((1, 1), await StoredAsync(accepted.Id));
    }

    [Fact]
    public async Task Check_AnsweredWithinTheDeadline_Returns200WithTheAnswer()
    {
        var practice = await factory.CreatePracticeAsync();
        // The host's first call to a payer pays for connections and JIT; the deadline is about the payer, not that.
        await practice.Client.PostAsJsonAsync("/v1/eligibility", X12.X12Checks.Request(Member("DLWARM")));

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", X12.X12Checks.Request(Member("DLFAST")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
        Assert.Equal(("completed", "active"), (answered.Status, answered.Result!.CoverageStatus));
        // Written once, with its answer, and with the audit event of the request.
        Assert.Equal((1, 1), await StoredAsync(answered.Id));
        Assert.Equal("Completed", await factory.InDatabaseAsync(db =>
            db.EligibilityChecks.Where(c => c.Id == answered.Id).Select(c => c.Status.ToString()).SingleAsync()));
    }

    // How many rows the check has, and how many "eligibility.requested" audit events.
    private Task<(int Checks, int Audits)> StoredAsync(Guid checkId) => factory.InDatabaseAsync(async db =>
        (await db.EligibilityChecks.CountAsync(c => c.Id == checkId),
            await db.AuditEvents.CountAsync(e => e.Action == "eligibility.requested" && e.EntityId == checkId.ToString())));
}

/// <summary>A host whose eligibility deadline has passed before the payer is even asked.</summary>
public sealed class ZeroDeadlineFactory : HubApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hub:Eligibility:Deadline", "00:00:00")];
}

/// <summary>
/// With no time to wait, the roster-based (ДМС) answer, which takes milliseconds, races the deadline on every request:
/// whichever wins, a 202 is only ever given for a check still on its way (requested or sent), and a final one is answered 200.
/// </summary>
public sealed class EligibilityZeroDeadlineTests(ZeroDeadlineFactory factory) : IClassFixture<ZeroDeadlineFactory>
{
    [Fact]
    public async Task Check_AnswerRacingTheDeadline_IsEither202PendingOr200Final()
    {
        var practice = await factory.CreatePracticeAsync();
        var outcomes = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 20; i++)
        {
            var request = new EligibilityRequest
            {
                Patient = TestData.NewPatientRequest(), Coverage = TestData.NewDmsCoverageRequest(), DateOfService = new DateOnly(2026, 6, 15),
            };
            var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);
            var body = (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
            outcomes.Add((response.StatusCode, body.Status));
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Assert.NotNull(response.Headers.Location);
            }
        }

        Assert.All(outcomes, o => Assert.Contains(o,
            new[] { (HttpStatusCode.Accepted, "requested"), (HttpStatusCode.Accepted, "sent"), (HttpStatusCode.OK, "completed") }));
    }
}
