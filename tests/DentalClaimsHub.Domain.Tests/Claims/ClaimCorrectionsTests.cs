using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimCorrectionsTests
{
    [Fact]
    public void CreateReplacement_PaidClaim_MarksOriginalAndCopiesContent()
    {
        var original = ClaimFixture.InState(ClaimState.Paid);

        var replacement = original.CreateReplacement("jane", ClaimFixture.Now, "wrong tooth");

        Assert.Equal(ClaimState.Corrected, original.State);
        Assert.Equal("wrong tooth", original.Timeline[^1].Reason);
        Assert.Equal(ClaimState.Draft, replacement.State);
        Assert.Equal(ClaimFrequency.Replacement, replacement.Frequency);
        Assert.Equal(original.Id, replacement.OriginalClaimId);
        Assert.Equal("PCN-777", replacement.OriginalPayerClaimNumber);
        Assert.NotEqual(original.PatientControlNumber, replacement.PatientControlNumber);
        Assert.Equal(original.Total, replacement.Total);
        Assert.Equal(original.Diagnoses, replacement.Diagnoses);
        Assert.Equal(original.Lines.Select(l => l.Procedure), replacement.Lines.Select(l => l.Procedure));
        Assert.Empty(original.Lines.Select(l => l.LineControlNumber).Intersect(replacement.Lines.Select(l => l.LineControlNumber)));
        Assert.All(replacement.Lines, l => Assert.Equal(replacement.Id, l.ClaimId));
    }

    [Fact]
    public void CreateReplacement_PatientPaid_IsCarriedToTheReplacement()
    {
        var original = ClaimFixture.ValidDraft();
        original.SetPatientPaid(Domain.Values.Money.Usd(40m), ClaimFixture.Now);
        foreach (var step in ClaimFixture.PathTo(ClaimState.Paid))
        {
            ClaimFixture.Apply(original, step);
        }

        var replacement = original.CreateReplacement("jane", ClaimFixture.Now);

        Assert.Equal(Domain.Values.Money.Usd(40m), replacement.PatientPaid);
    }

    [Fact]
    public void CreateReplacement_Draft_PassesRulesAfterEdit()
    {
        var replacement = ClaimFixture.InState(ClaimState.Denied).CreateReplacement("jane", ClaimFixture.Now);

        replacement.RemoveLine(2, ClaimFixture.Now);
        replacement.Validate("jane", ClaimFixture.Now, ClaimFixture.Today);

        Assert.Equal(ClaimState.Validated, replacement.State);
    }

    [Fact]
    public void CreateVoid_PaidClaim_ReturnsFrequencyEightClaim()
    {
        var original = ClaimFixture.InState(ClaimState.Paid);

        var voiding = original.CreateVoid("jane", ClaimFixture.Now);

        Assert.Equal(ClaimState.Voided, original.State);
        Assert.Equal(ClaimFrequency.Void, voiding.Frequency);
        Assert.Equal("PCN-777", voiding.OriginalPayerClaimNumber);
    }

    [Fact]
    public void CreateReplacement_WithoutPayerClaimNumber_Throws()
    {
        var claim = ClaimFixture.InState(ClaimState.Acknowledged);
        claim.Accept("x12-277ca", ClaimFixture.Now);

        var ex = Assert.Throws<DomainException>(() => claim.CreateReplacement("jane", ClaimFixture.Now));

        Assert.Contains("REF*F8", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ClaimState.Accepted, claim.State);
    }

    [Fact]
    public void CreateVoid_Submitted_IsIllegal()
    {
        var claim = ClaimFixture.InState(ClaimState.Submitted);

        Assert.Throws<InvalidClaimTransitionException>(() => claim.CreateVoid("jane", ClaimFixture.Now));
    }
}
