using DentalClaimsHub.Domain.Claims.Status;

namespace DentalClaimsHub.Mappings.Tests.X12.ClaimStatus;

public sealed class ClaimStatusCategoryTests
{
    [Theory]
    [InlineData("A0", ClaimStatusOutcome.Accepted)]
    [InlineData("A1", ClaimStatusOutcome.Accepted)]
    [InlineData("A2", ClaimStatusOutcome.Accepted)]
    [InlineData("A5", ClaimStatusOutcome.Accepted)]
    [InlineData("A3", ClaimStatusOutcome.Rejected)]
    [InlineData("A6", ClaimStatusOutcome.Rejected)]
    [InlineData("A7", ClaimStatusOutcome.Rejected)]
    [InlineData("A8", ClaimStatusOutcome.Rejected)]
    [InlineData("E0", ClaimStatusOutcome.Rejected)]
    [InlineData("E3", ClaimStatusOutcome.Rejected)]
    [InlineData("E4", ClaimStatusOutcome.Rejected)]
    [InlineData("A4", ClaimStatusOutcome.NotFound)]
    [InlineData("D0", ClaimStatusOutcome.NotFound)]
    [InlineData("E1", ClaimStatusOutcome.Unknown)]
    [InlineData("E2", ClaimStatusOutcome.Unknown)]
    [InlineData("P0", ClaimStatusOutcome.Pending)]
    [InlineData("P5", ClaimStatusOutcome.Pending)]
    [InlineData("R13", ClaimStatusOutcome.Pending)]
    [InlineData("F0", ClaimStatusOutcome.Finalized)]
    [InlineData("F1", ClaimStatusOutcome.Finalized)]
    [InlineData("F2", ClaimStatusOutcome.Finalized)]
    [InlineData("F3F", ClaimStatusOutcome.Finalized)]
    [InlineData("f4", ClaimStatusOutcome.Finalized)]
    [InlineData("F5", ClaimStatusOutcome.Unknown)]
    [InlineData("PX", ClaimStatusOutcome.Unknown)]
    [InlineData("", ClaimStatusOutcome.Unknown)]
    [InlineData(null, ClaimStatusOutcome.Unknown)]
    public void OutcomeOf_CategoryCode_IsTheCanonicalMeaning(string? category, ClaimStatusOutcome outcome) =>
        Assert.Equal(outcome, ClaimStatusCategory.OutcomeOf(category));

    [Fact]
    public void Result_WithFailure_HasNoOutcomeEvenWithStatuses()
    {
        var result = ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable, "answers another inquiry") with
        {
            Statuses = [new ClaimStatusEntry("F1", "65")],
        };

        Assert.Equal(ClaimStatusOutcome.Unknown, result.Outcome);
    }

    [Fact]
    public void Result_Current_IsTheLatestStatusAndTheFirstSentOnATie()
    {
        var result = new ClaimStatusResult
        {
            Statuses =
            [
                new ClaimStatusEntry("A2", "20", EffectiveDate: new DateOnly(2026, 3, 1)),
                new ClaimStatusEntry("F2", "1", EffectiveDate: new DateOnly(2026, 3, 20)),
                new ClaimStatusEntry("F1", "65", EffectiveDate: new DateOnly(2026, 3, 20)),
            ],
        };

        Assert.Equal(("F2", true), (result.Current!.Category, result.Denied));
    }
}
