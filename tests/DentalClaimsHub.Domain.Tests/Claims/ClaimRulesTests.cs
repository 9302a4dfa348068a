using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimRulesTests
{
    private static readonly DateTimeOffset Now = ClaimFixture.Now;

    [Fact]
    public void Total_TwoLines_IsSumOfFees()
    {
        var claim = ClaimFixture.ValidDraft();

        Assert.Equal(Money.Usd(205m), claim.Total);
    }

    [Fact]
    public void Total_NoLines_IsZeroInClaimCurrency()
    {
        Assert.Equal(Money.Zero("USD"), ClaimFixture.NewDraft().Total);
    }

    [Fact]
    public void CheckRules_ValidClaim_HasNoViolations()
    {
        Assert.Empty(ClaimFixture.ValidDraft().CheckRules(ClaimFixture.Today));
    }

    [Fact]
    public void CheckRules_NoLines_ReportsLines()
    {
        var violation = Assert.Single(ClaimFixture.NewDraft().CheckRules(ClaimFixture.Today));

        Assert.Equal("lines", violation.Field);
    }

    [Fact]
    public void CheckRules_PatientPaidAboveTheTotal_ReportsPatientPaid()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.SetPatientPaid(Money.Usd(205.01m), Now);

        var violation = Assert.Single(claim.CheckRules(ClaimFixture.Today));

        Assert.Equal(("patientPaid", ClaimRules.PatientPaidOverTotal), (violation.Field, violation.Rule));
        Assert.Equal(["205.01", "205.00"], violation.Args);
    }

    [Fact]
    public void SetPatientPaid_NegativeOrOtherCurrency_ThrowsAndZeroClears()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.SetPatientPaid(Money.Usd(205m), Now);

        Assert.Throws<DomainException>(() => claim.SetPatientPaid(Money.Usd(-1m), Now));
        Assert.Throws<DomainException>(() => claim.SetPatientPaid(Money.Rub(10m), Now));
        Assert.Equal(Money.Usd(205m), claim.PatientPaid);
        Assert.Empty(claim.CheckRules(ClaimFixture.Today));
        claim.SetPatientPaid(Money.Usd(0m), Now);
        Assert.Null(claim.PatientPaid);
    }

    [Fact]
    public void AddLine_FiftyFirstLine_Throws()
    {
        var claim = ClaimFixture.NewDraft();
        for (var i = 0; i < Claim.MaxLines; i++)
        {
            claim.AddLine(ClaimFixture.Line(fee: 10m), Now);
        }

        var ex = Assert.Throws<DomainException>(() => claim.AddLine(ClaimFixture.Line(fee: 10m), Now));
        Assert.Contains("50", ex.Message, StringComparison.Ordinal);
        Assert.Equal(50, claim.Lines.Count);
        Assert.Equal(Money.Usd(500m), claim.Total);
    }

    [Fact]
    public void SetDiagnoses_FiveCodes_Throws()
    {
        var claim = ClaimFixture.NewDraft();
        Icd10Code[] codes = [.. new[] { "K02.1", "K04.0", "K04.5", "K05.3", "K08.1" }.Select(Icd10Code.Parse)];

        Assert.Throws<DomainException>(() => claim.SetDiagnoses(codes, Now));
        Assert.Empty(claim.Diagnoses);
    }

    [Fact]
    public void SetDiagnoses_Duplicate_Throws()
    {
        var claim = ClaimFixture.NewDraft();

        Assert.Throws<DomainException>(() => claim.SetDiagnoses([Icd10Code.Parse("K04.5"), Icd10Code.Parse("К04.5")], Now));
    }

    [Fact]
    public void CheckRules_PointerBeyondDiagnoses_ReportsLinePointer()
    {
        var claim = ClaimFixture.NewDraft();
        claim.SetDiagnoses([Icd10Code.Parse("K02.1")], Now);
        claim.AddLine(ClaimFixture.Line() with { DiagnosisPointers = [1, 2] }, Now);

        var violation = Assert.Single(claim.CheckRules(ClaimFixture.Today));
        Assert.Equal("lines[1].diagnosisPointers", violation.Field);
    }

    [Fact]
    public void CheckRules_FutureServiceDate_Reported()
    {
        var claim = ClaimFixture.NewDraft();
        claim.SetDiagnoses([Icd10Code.Parse("K02.1")], Now);
        claim.AddLine(ClaimFixture.Line() with { ServiceDate = ClaimFixture.Today.AddDays(1) }, Now);

        Assert.Equal("lines[1].serviceDate", Assert.Single(claim.CheckRules(ClaimFixture.Today)).Field);
    }

    [Fact]
    public void CheckRules_MissingServiceDate_Reported()
    {
        var claim = ClaimFixture.NewDraft();
        claim.SetDiagnoses([Icd10Code.Parse("K02.1")], Now);
        claim.AddLine(ClaimFixture.Line() with { ServiceDate = null }, Now);

        Assert.Contains(claim.CheckRules(ClaimFixture.Today), v => v.Field == "lines[1].serviceDate");
    }

    [Fact]
    public void CheckRules_MixedCodeSystems_Reported()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.AddLine(ClaimFixture.Line() with { Procedure = ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.002") }, Now);

        Assert.Contains(claim.CheckRules(ClaimFixture.Today), v => v.Message.Contains("one code system", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckRules_OrthoCodeWithoutOrthoInfo_Reported()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.AddLine(ClaimFixture.Line("D8080", 5000m, tooth: null, surfaces: ""), Now);

        Assert.Equal("orthodontics", Assert.Single(claim.CheckRules(ClaimFixture.Today)).Field);

        claim.SetOrthodontics(new OrthodonticInfo(24, 24, ClaimFixture.Today), Now);
        Assert.Empty(claim.CheckRules(ClaimFixture.Today));
    }

    [Fact]
    public void Validate_BrokenClaim_ThrowsWithEveryViolationAndStaysDraft()
    {
        var claim = ClaimFixture.NewDraft();
        claim.AddLine(ClaimFixture.Line() with { ServiceDate = null, DiagnosisPointers = [3] }, Now);

        var ex = Assert.Throws<ClaimRulesException>(() => claim.Validate("u", Now, ClaimFixture.Today));

        Assert.Equal(2, ex.Violations.Count);
        Assert.Equal(ClaimState.Draft, claim.State);
    }

    [Fact]
    public void Create_PatientControlNumber_IsStableAndBounded()
    {
        var generated = ClaimFixture.NewDraft();
        var given = ClaimFixture.NewDraft("PMS-2026-0001");

        Assert.Equal(20, generated.PatientControlNumber.Length);
        Assert.Equal("PMS-2026-0001", given.PatientControlNumber);
        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft("has space"));
        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft(new string('1', 21)));
    }
}
