using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.EntityFrameworkCore;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

// Each payer call runs detached from other requests and in its own payer's pipeline: slowness or an open circuit stays there.
public sealed partial class X12EligibilityTests
{
    [Fact]
    public async Task Check_SlowPayerAnswering_OtherChecksAreAnsweredMeanwhile()
    {
        var slow = Member("XSLW");
        Simulator.UseForMemberPrefix("XSLW", CoreRealtimeModule.EligibilityTimeout);
        var practice = await factory.CreatePracticeAsync();
        var slowCheck = PostAsync(practice.Client, Request(slow));
        await WaitUntilAsync(() => Received(Simulator, slow).Count == 1);

        var (_, sameProtocol) = await PostAsync(practice.Client, Request(Member("XFST")));
        var (_, otherProtocol) = await PostAsync(practice.Client, new Api.Eligibility.EligibilityRequest
        {
            Patient = TestData.NewPatientRequest(), Coverage = TestData.NewDmsCoverageRequest(), DateOfService = Visit,
        });

        // The slow payer is still holding its answer (SlowAnswerDelay) while both other checks have completed.
        Assert.False(slowCheck.IsCompleted);
        Assert.Equal(("completed", "active"), (sameProtocol.Status, sameProtocol.Result!.CoverageStatus));
        Assert.Equal(("completed", "active"), (otherProtocol.Status, otherProtocol.Result!.CoverageStatus));
        var (_, late) = await slowCheck;
        Assert.Equal(("completed", "active"), (late.Status, late.Result!.CoverageStatus));
    }

    [Fact]
    public async Task Check_CircuitOpenAfterRepeated500s_FailsFastWithoutCallingThePayer()
    {
        Simulator.UseForMemberPrefix("XBRK", CoreRealtimeModule.EligibilityServerError);
        var practice = await factory.CreatePracticeAsync();
        var first = Member("XBRK");
        var (_, opening) = await PostAsync(practice.Client, Request(first, "test-x12-breaker"));
        // One attempt and three retries: four failures in the sampling window open test-x12-breaker's circuit.
        Assert.Equal(4, Received(Simulator, first).Count);
        Assert.Equal("payer_unavailable", opening.Failure!.Code);

        var second = Member("XBRK");
        var (response, failedFast) = await PostAsync(practice.Client, Request(second, "test-x12-breaker"));

        Assert.Equal("payer_unavailable", failedFast.Failure!.Code);
        Assert.Contains("paused", failedFast.Failure.Detail, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(Received(Simulator, second));
        // The refused check never left: no 270 on record and not marked sent; the one that reached the payer has its 270.
        // The answers leave before they are written: InDatabaseAsync waits for the writes.
        var (openingMessages, failedFastMessages, refused) = await factory.InDatabaseAsync(async db => (
            await db.Messages.Where(m => m.LinkedIds.Contains(opening.Id)).Select(m => m.TransactionType).ToListAsync(),
            await db.Messages.Where(m => m.LinkedIds.Contains(failedFast.Id)).ToListAsync(),
            await db.EligibilityChecks.SingleAsync(c => c.Id == failedFast.Id)));
        Assert.Equal(["270"], openingMessages);
        Assert.Empty(failedFastMessages);
        Assert.Null(refused.RequestMessageId);
        Assert.Null(refused.TraceNumber);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The condition did not become true.");
    }
}
