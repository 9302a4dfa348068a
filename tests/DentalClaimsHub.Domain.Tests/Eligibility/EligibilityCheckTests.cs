using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

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

        Assert.Throws<DomainException>(() => check.Fail(EligibilityFailureCodes.PayerUnavailable, "timeout", Now));
        Assert.Equal(EligibilityCheckStatus.Completed, check.Status);
    }

    [Fact]
    public void Fail_Sent_RecordsReason()
    {
        var check = NewCheck();
        check.MarkSent("TRN-2");

        check.Fail(EligibilityFailureCodes.PayerUnavailable, "timeout after 30 s", Now, retryAt: Now.AddSeconds(30));

        Assert.Equal(EligibilityCheckStatus.Failed, check.Status);
        Assert.Equal(EligibilityFailureCodes.PayerUnavailable, check.FailureCode);
        Assert.Equal("timeout after 30 s", check.FailureReason);
        Assert.Equal(Now.AddSeconds(30), check.RetryAt);
        Assert.Null(check.FailureReasonCode);
        Assert.Empty(check.FailureReasonArgs);
    }

    [Fact]
    public void Fail_WithAReasonCode_KeepsTheCodeAndItsValuesBesideTheEnglish()
    {
        var check = NewCheck();
        check.MarkSent("TRN-3");

        check.Fail(EligibilityFailureCodes.PayerError, "The payer's 271 answers trace 'T1', not this inquiry's 'TRN-3'.", Now,
            reasonCode: "other-trace", reasonArgs: ["T1", "TRN-3"]);

        Assert.Equal("The payer's 271 answers trace 'T1', not this inquiry's 'TRN-3'.", check.FailureReason);
        Assert.Equal("other-trace", check.FailureReasonCode);
        Assert.Equal(["T1", "TRN-3"], check.FailureReasonArgs);
    }

    [Fact]
    public void Fail_ValuesWithoutACode_AreNotKept()
    {
        var check = NewCheck();

        check.Fail(EligibilityFailureCodes.PayerError, "Something a payer said", Now, reasonArgs: ["stray"]);

        Assert.Null(check.FailureReasonCode);
        Assert.Empty(check.FailureReasonArgs);
    }

    [Fact]
    public void Create_WithProceduresAndProvider_KeepsThemDistinct()
    {
        var provider = new ProviderIdentity(Npi.Parse("1234567893"), organizationName: "Smile Dental");
        var d0120 = ProcedureCode.Cdt(CdtCode.Parse("D0120"));

        var check = EligibilityCheck.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "demo", new DateOnly(2026, 11, 23), Now,
            procedures: [d0120, d0120, ProcedureCode.Cdt(CdtCode.Parse("D1110"))], provider: provider);

        Assert.Equal(["D0120", "D1110"], check.Procedures.Select(p => p.Code));
        Assert.Same(provider, check.Provider);
    }
}
