using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Mappings.Tests.X12.Eligibility;

// 005010X279A1 2100C AAA: the payer could not match the subscriber; AAA03 says why, AAA04 what the provider should do next.
public sealed class Eligibility271RejectionTests
{
    [Theory]
    [InlineData("271-invalid-member-id-aaa72", "72", "Invalid or missing subscriber/insured id (please correct and resubmit) [loop 2100C]")]
    [InlineData("271-invalid-name-aaa73", "73", "Invalid or missing subscriber/insured name (please correct and resubmit) [loop 2100C]")]
    public void Read_SubscriberRejected_NotFoundWithReasonAndFollowUpAction(string sample, string reason, string description)
    {
        var result = Eligibility271ReaderTests.Read(sample).Result!;

        Assert.Equal(CoverageStatus.NotFound, result.Status);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((reason, "C", description), (rejection.ReasonCode, rejection.FollowUpAction, rejection.Description));
        // Correcting the member's id or name is the provider's job: asking again unchanged will not help.
        Assert.False(rejection.IsRetryable);
        Assert.Empty(result.Benefits);
    }
}
