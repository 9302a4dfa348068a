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
    public void AddLine_OtherCurrency_Throws()
    {
        var claim = ClaimFixture.NewDraft();

        Assert.Throws<DomainException>(() => claim.AddLine(ClaimFixture.Line() with { Fee = Money.Rub(100m) }, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void AddLine_UnitsOutOfRange_Throws(int units)
    {
        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(ClaimFixture.Line() with { Units = units }, Now));
    }

    [Fact]
    public void AddLine_NegativeFee_Throws()
    {
        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(ClaimFixture.Line(fee: -1m), Now));
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 1, 2, 3, 4, 1 })]
    public void AddLine_BadPointers_Throws(int[] pointers)
    {
        Assert.Throws<DomainException>(() =>
            ClaimFixture.NewDraft().AddLine(ClaimFixture.Line() with { DiagnosisPointers = pointers }, Now));
    }

    [Fact]
    public void AddLine_ReplacementProsthesisWithoutPriorDate_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(
            ClaimFixture.Line("D2750", 1200m, surfaces: "") with { Prosthesis = ProsthesisPlacement.Replacement }, Now));
        Assert.Contains("prior placement", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLine_ReplacementProsthesisWithPriorDate_KeepsIt()
    {
        var line = ClaimFixture.NewDraft().AddLine(
            ClaimFixture.Line("D2750", 1200m, surfaces: "") with
            {
                Prosthesis = ProsthesisPlacement.Replacement,
                PriorPlacementDate = new DateOnly(2015, 6, 1),
            },
            Now);

        Assert.Equal(new DateOnly(2015, 6, 1), line.PriorPlacementDate);
        Assert.Equal(ProsthesisPlacement.Replacement, line.Prosthesis);
    }

    [Fact]
    public void AddLine_SurfacesWithoutTooth_Throws()
    {
        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(ClaimFixture.Line(tooth: null, surfaces: "MO"), Now));
    }

    [Fact]
    public void AddLine_NoControlNumber_GeneratesUniqueOnes()
    {
        var claim = ClaimFixture.ValidDraft();

        Assert.Equal(2, claim.Lines.Select(l => l.LineControlNumber).Distinct().Count());
        Assert.All(claim.Lines, l => Assert.Equal(16, l.LineControlNumber.Length));
    }

    [Fact]
    public void RemoveLine_First_RenumbersRest()
    {
        var claim = ClaimFixture.ValidDraft();

        claim.RemoveLine(1, Now);

        var line = Assert.Single(claim.Lines);
        Assert.Equal(1, line.LineNumber);
        Assert.Equal("D0120", line.Procedure.Code);
    }

    [Fact]
    public void ReplaceLine_Second_KeepsPosition()
    {
        var claim = ClaimFixture.ValidDraft();

        claim.ReplaceLine(2, ClaimFixture.Line("D0140", 70m, tooth: null, surfaces: ""), Now);

        Assert.Equal("D0140", claim.Lines[1].Procedure.Code);
        Assert.Equal(2, claim.Lines[1].LineNumber);
        Assert.Equal(Money.Usd(220m), claim.Total);
    }

    [Fact]
    public void AddLine_AfterValidation_Throws()
    {
        var claim = ClaimFixture.InState(ClaimState.Validated);

        Assert.Throws<DomainException>(() => claim.AddLine(ClaimFixture.Line(), Now));
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

    [Fact]
    public void AddAttachment_DuplicateControlNumber_Throws()
    {
        var claim = ClaimFixture.NewDraft();
        var xray = new ClaimAttachment("rb", AttachmentTransmission.Electronic, "ATT-1", "image/jpeg", 12_345, "blobs/att-1");
        claim.AddAttachment(xray, Now);

        Assert.Equal("RB", claim.Attachments[0].ReportType);
        Assert.Equal("EL", claim.Attachments[0].TransmissionCode);
        Assert.Throws<DomainException>(() => claim.AddAttachment(xray, Now));
    }

    [Fact]
    public void SetMissingTeeth_SameToothInTwoSystems_Throws()
    {
        var claim = ClaimFixture.NewDraft();

        Assert.Throws<DomainException>(() => claim.SetMissingTeeth(
            [new MissingTooth(ToothNumber.ParseUniversal("3"), MissingToothStatus.Missing),
             new MissingTooth(ToothNumber.ParseFdi("16"), MissingToothStatus.ToBeExtracted)],
            Now));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(24, 25)]
    [InlineData(24, -1)]
    public void OrthodonticInfo_InvalidMonths_Throws(int total, int remaining)
    {
        Assert.Throws<DomainException>(() => new OrthodonticInfo(total, remaining, null));
    }

    [Fact]
    public void AccidentInfo_AutoWithoutState_Throws()
    {
        Assert.Throws<DomainException>(() => new AccidentInfo(AccidentCause.AutoAccident, ClaimFixture.Today));
        Assert.Equal("AA", new AccidentInfo(AccidentCause.AutoAccident, ClaimFixture.Today, "tx").ToX12Code());
    }
}
