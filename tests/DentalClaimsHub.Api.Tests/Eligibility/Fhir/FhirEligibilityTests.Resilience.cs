using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.Fhir;
using static DentalClaimsHub.Api.Tests.Eligibility.Fhir.FhirChecks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

// The FHIR payer call runs detached and in its payer's own pipeline: slowness or an open circuit stays there.
public sealed partial class FhirEligibilityTests
{
    [Fact]
    public async Task Check_SlowFhirPayerAnswering_OtherChecksAreAnsweredMeanwhile()
    {
        var slow = Member("FSLW");
        Simulator.UseForMemberPrefix("FSLW", FhirModule.EligibilityTimeout);
        var practice = await factory.CreatePracticeAsync();
        var slowCheck = PostAsync(practice.Client, Request(slow));
        await WaitUntilAsync(() => Received(Simulator, slow).Count == 1);

        var (_, samePayer) = await PostAsync(practice.Client, Request(Member("FFST")));
        var (_, otherProtocol) = await PostAsync(practice.Client, new Api.Eligibility.EligibilityRequest
        {
            Patient = TestData.NewPatientRequest(), Coverage = TestData.NewDmsCoverageRequest(), DateOfService = Visit,
        });

        // The slow answer is still held back (SlowAnswerDelay, within the demo payer's timeout) while both others completed.
        Assert.False(slowCheck.IsCompleted);
        Assert.Equal(("completed", "active"), (samePayer.Status, samePayer.Result!.CoverageStatus));
        Assert.Equal(("completed", "active"), (otherProtocol.Status, otherProtocol.Result!.CoverageStatus));
        var (_, late) = await slowCheck;
        Assert.Equal(("completed", "active"), (late.Status, late.Result!.CoverageStatus));
    }

    [Fact]
    public async Task Check_FhirCircuitOpenAfterRepeated500s_FailsFastWithoutCallingThePayer()
    {
        Simulator.UseForMemberPrefix("FBRK", FhirModule.EligibilityServerError);
        var practice = await factory.CreatePracticeAsync();
        var first = Member("FBRK");
        var (_, opening) = await PostAsync(practice.Client, Request(first, "test-fhir-breaker"));
        // One attempt and three retries: four failures in the sampling window open test-fhir-breaker's circuit.
        Assert.Equal(4, Received(Simulator, first).Count);
        Assert.Equal("payer_unavailable", opening.Failure!.Code);

        var second = Member("FBRK");
        var (response, failedFast) = await PostAsync(practice.Client, Request(second, "test-fhir-breaker"));

        Assert.Equal("payer_unavailable", failedFast.Failure!.Code);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(Received(Simulator, second));
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
