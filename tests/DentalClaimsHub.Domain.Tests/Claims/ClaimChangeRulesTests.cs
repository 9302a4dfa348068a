using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

/// <summary>A rule broken while changing a claim names itself and its values, so a reader can word it in another language.</summary>
public sealed class ClaimChangeRulesTests
{
    [Fact]
    public void ReplaceLine_SurfacesWithoutTooth_NamesTheRuleTheLineAndTheSurfaces()
    {
        var claim = ClaimFixture.ValidDraft();

        var ex = Assert.Throws<DomainException>(() => claim.ReplaceLine(2, ClaimFixture.Line(tooth: null, surfaces: "MO"), ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.SurfacesNeedTooth, ex.Rule);
        Assert.Equal(["2", "MO"], ex.Args);
        Assert.StartsWith("Lines[2]: surfaces MO need a tooth.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceLine_PriorPlacementAfterService_CarriesIsoDates()
    {
        var claim = ClaimFixture.ValidDraft();
        var line = ClaimFixture.Line() with
        {
            Prosthesis = ProsthesisPlacement.Replacement, PriorPlacementDate = ClaimFixture.Today, ServiceDate = ClaimFixture.Today.AddDays(-3),
        };

        var ex = Assert.Throws<DomainException>(() => claim.ReplaceLine(1, line, ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.PriorPlacementAfterService, ex.Rule);
        Assert.Equal(["1", "2026-04-15", "2026-04-12"], ex.Args);
    }

    [Fact]
    public void SetDiagnoses_Repeated_NamesTheRule()
    {
        var claim = ClaimFixture.ValidDraft();

        var ex = Assert.Throws<DomainException>(() => claim.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K02.52")], ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.DiagnosesRepeat, ex.Rule);
    }

    [Fact]
    public void Edit_SentClaim_NamesTheClaimAndItsState()
    {
        var claim = ClaimFixture.InState(ClaimState.Submitted);

        var ex = Assert.Throws<DomainException>(() => claim.SetDiagnoses([], ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.NotEditable, ex.Rule);
        Assert.Equal([claim.PatientControlNumber, nameof(ClaimState.Submitted)], ex.Args);
    }

    [Fact]
    public void Transition_NotAllowed_NamesBothStates()
    {
        var claim = ClaimFixture.InState(ClaimState.Rejected);

        var ex = Assert.Throws<InvalidClaimTransitionException>(() => claim.CreateVoid("jane", ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.Transition, ex.Rule);
        Assert.Equal([nameof(ClaimState.Rejected), nameof(ClaimState.Voided)], ex.Args);
    }

    [Fact]
    public void Void_WithoutPayerClaimNumber_NamesTheFollowUp()
    {
        // Accepted without a 277CA claim number.
        var claim = ClaimFixture.InState(ClaimState.Submitted);
        claim.Accept("payer", ClaimFixture.Now);

        var ex = Assert.Throws<DomainException>(() => claim.CreateVoid("jane", ClaimFixture.Now));

        Assert.Equal(ClaimChangeRules.FollowUpNeedsPayerNumber, ex.Rule);
        Assert.Equal([claim.PatientControlNumber, nameof(ClaimFrequency.Void)], ex.Args);
    }

    [Fact]
    public void All_ListsEveryRuleOnce() =>
        Assert.Equal(ClaimChangeRules.All.Count, ClaimChangeRules.All.Distinct().Count());
}
