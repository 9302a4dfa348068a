using System.Net;
using DentalClaimsHub.Api.Tests.Eligibility.X12;
using DentalClaimsHub.PayerSimulator.X12;
using MockRequest = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// A payer's pipeline beyond the circuit breaker: its concurrency limit refuses the overflow at once (payer_unavailable with
/// Retry-After, never a 500 or a hang), and its retry repeats an attempt that timed out but not a 4xx answer.
/// </summary>
public sealed class EligibilityResilienceTests(X12PayersFactory factory) : IClassFixture<X12PayersFactory>
{
    private const string NarrowPayer = "test-x12-narrow";
    private const string RetryPayer = "test-x12-retry";

    // WireMock tries lower priorities first; the simulator's own routes have the default, 0.
    private const int BeforeTheSimulator = -1;

    private PayerSimulator.PayerSimulator Simulator => factory.Simulator;

    [Fact]
    public async Task Check_MoreAtOnceThanThePayersLimit_OverflowIsRefusedAsPayerUnavailableWhileTheAdmittedOneCompletes()
    {
        Simulator.UseForMemberPrefix("XNRW", CoreRealtimeModule.EligibilityTimeout);
        var practice = await factory.CreatePracticeAsync();
        var members = Enumerable.Range(0, 3).Select(_ => Member("XNRW")).ToList();

        // test-x12-narrow: one call in flight, none queued; the simulator holds each answer for SlowAnswerDelay.
        var checks = await Task.WhenAll(members.Select(m => PostAsync(practice.Client, Request(m, NarrowPayer))));

        var admitted = Assert.Single(checks, c => c.Check.Status == "completed");
        Assert.Equal("active", admitted.Check.Result!.CoverageStatus);
        var refused = checks.Where(c => c.Check.Status != "completed").ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, c =>
        {
            Assert.Equal(HttpStatusCode.OK, c.Response.StatusCode);
            Assert.Equal(("failed", "payer_unavailable"), (c.Check.Status, c.Check.Failure!.Code));
            Assert.Contains("Too many requests to this payer", c.Check.Failure.Detail, StringComparison.Ordinal);
            Assert.NotNull(c.Response.Headers.RetryAfter);
        });
        // Only the admitted check reached the payer.
        Assert.Equal(1, members.Sum(m => Received(Simulator, m).Count));
    }

    [Fact]
    public async Task Check_FirstAttemptTimesOut_RetriedAndAnsweredByTheSecond()
    {
        var member = Member("XRTO");
        var held = 0;
        // The first 270 for this member is held past test-x12-retry's two-second attempt timeout; later ones reach the
        // simulator's normal answer. (The predicate runs once per request, when WireMock picks the mapping.)
        Simulator.Server
            .Given(MockRequest.Create().WithPath(CoreRealtimeModule.Path).UsingPost()
                .WithBody((string? body) => body?.Contains(MemberRef(member), StringComparison.Ordinal) == true
                    && Interlocked.Exchange(ref held, 1) == 0))
            .AtPriority(BeforeTheSimulator)
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(6)));
        var practice = await factory.CreatePracticeAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (_, check) = await PostAsync(practice.Client, Request(member, RetryPayer));

        Assert.Equal(("completed", "active"), (check.Status, check.Result!.CoverageStatus));
        // Two attempts: the held one, given up after the attempt timeout, and the retry the simulator answered.
        Assert.Equal((1, 1), (held, Received(Simulator, member).Count));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Check_PayerAnswers4xx_NotRetried(HttpStatusCode status)
    {
        var member = Member("XR4X");
        Simulator.Server
            .Given(MockRequest.Create().WithPath(CoreRealtimeModule.Path).UsingPost()
                .WithBody((string? body) => body?.Contains(MemberRef(member), StringComparison.Ordinal) == true))
            .AtPriority(BeforeTheSimulator)
            .RespondWith(Response.Create().WithStatusCode((int)status).WithHeader("Retry-After", "30"));
        var practice = await factory.CreatePracticeAsync();

        var (response, check) = await PostAsync(practice.Client, Request(member, RetryPayer));

        Assert.Equal("failed", check.Status);
        Assert.NotNull(check.Failure);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(Simulator.Server.LogEntries, e => e.RequestMessage.Body?.Contains(MemberRef(member), StringComparison.Ordinal) == true);
    }
}
