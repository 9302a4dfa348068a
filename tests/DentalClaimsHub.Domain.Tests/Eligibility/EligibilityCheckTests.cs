using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Domain.Tests.Eligibility;

public class EligibilityCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static EligibilityCheck NewCheck(params BenefitCategory[] categories) => EligibilityCheck.Create(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "demo-x12-dental", new DateOnly(2026, 5, 2), Now, categories);

    [Fact]
    public void Create_NoCategories_AsksDentalCare()
    {
        var check = NewCheck();

        Assert.Equal([BenefitCategory.DentalCare], check.Categories);
        Assert.Equal(EligibilityCheckStatus.Requested, check.Status);
    }

    [Fact]
    public void Create_DuplicateCategories_AreDeduplicated()
    {
        Assert.Equal(2, NewCheck(BenefitCategory.Preventive, BenefitCategory.Preventive, BenefitCategory.Orthodontics).Categories.Count);
    }

    [Fact]
    public void Complete_AfterSent_StoresResult()
    {
        var check = NewCheck();
        check.MarkSent("TRN-1");
        var result = new EligibilityResult(CoverageStatus.Active, Now.AddSeconds(3));

        check.Complete(result, Now.AddSeconds(3));

        Assert.Equal(EligibilityCheckStatus.Completed, check.Status);
        Assert.Same(result, check.Result);
        Assert.Equal("TRN-1", check.TraceNumber);
        Assert.Equal(Now.AddSeconds(3), check.CompletedAt);
    }

    [Fact]
    public void Fail_AfterCompleted_Throws()
    {
        var check = NewCheck();
        check.Complete(new EligibilityResult(CoverageStatus.Active, Now), Now);

        Assert.Throws<DomainException>(() => check.Fail("timeout", Now));
        Assert.Equal(EligibilityCheckStatus.Completed, check.Status);
    }

    [Fact]
    public void Fail_Sent_RecordsReason()
    {
        var check = NewCheck();
        check.MarkSent("TRN-2");

        check.Fail("timeout after 30 s", Now);

        Assert.Equal(EligibilityCheckStatus.Failed, check.Status);
        Assert.Equal("timeout after 30 s", check.FailureReason);
    }
}
