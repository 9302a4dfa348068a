using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Domain.Tests.Claims.ClaimFixture;

namespace DentalClaimsHub.Domain.Tests.Claims;

public sealed class ClaimPurposeAndReplacementTests
{
    private static Claim Plan()
    {
        var plan = Claim.Create(PracticeId, PatientId, CoverageId, "demo-x12-dental", "USD", Actor, Now, purpose: ClaimPurpose.Predetermination);
        plan.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        plan.AddLine(Line() with { ServiceDate = null }, Now);
        plan.AddLine(Line("D2740", 1200m, tooth: "3", surfaces: "") with
        {
            ServiceDate = Today.AddDays(40), Prosthesis = ProsthesisPlacement.Initial,
        }, Now);
        return plan;
    }

    [Fact]
    public void CheckRules_Predetermination_NeedsNoServiceDatesAndAllowsPlannedOnes()
    {
        var plan = Plan();

        Assert.Empty(plan.CheckRules(Today));
        Assert.Equal(ClaimPurpose.Predetermination, plan.Purpose);
    }

    [Fact]
    public void CheckRules_ClaimForPayment_StillNeedsPastServiceDates()
    {
        var claim = ValidDraft();
        claim.AddLine(Line("D2391", tooth: "19", surfaces: "O") with { ServiceDate = null }, Now);

        Assert.Contains(claim.CheckRules(Today), v => v.Field == "lines[3].serviceDate");
    }

    [Fact]
    public void ReplaceWith_AcceptedClaim_CorrectedDraftBecomesFrequency7WithThePayerNumber()
    {
        var original = InState(ClaimState.Accepted);
        var corrected = ValidDraft();

        original.ReplaceWith(corrected, Actor, Now, "wrong surfaces");

        Assert.Equal(ClaimState.Corrected, original.State);
        Assert.Equal("wrong surfaces", original.Timeline[^1].Reason);
        Assert.Equal((ClaimFrequency.Replacement, original.Id, original.PayerClaimNumber),
            (corrected.Frequency, corrected.OriginalClaimId, corrected.OriginalPayerClaimNumber));
        Assert.Empty(corrected.CheckRules(Today));
    }

    [Fact]
    public void ReplaceWith_AnotherCoverage_IsRefusedAndNothingChanges()
    {
        var original = InState(ClaimState.Accepted);
        var other = Claim.Create(PracticeId, PatientId, Guid.NewGuid(), "demo-x12-dental", "USD", Actor, Now);

        Assert.Throws<DomainException>(() => original.ReplaceWith(other, Actor, Now));
        Assert.Equal((ClaimState.Accepted, ClaimFrequency.Original), (original.State, other.Frequency));
    }

    [Fact]
    public void ReplaceWith_NoPayerClaimNumberYet_IsRefused()
    {
        var submitted = InState(ClaimState.Submitted);

        Assert.ThrowsAny<DomainException>(() => submitted.ReplaceWith(ValidDraft(), Actor, Now));
    }

    [Fact]
    public void CreateVoid_Predetermination_IsRefused()
    {
        var plan = Plan();

        Assert.Throws<DomainException>(() => plan.CreateVoid(Actor, Now));
    }
}
