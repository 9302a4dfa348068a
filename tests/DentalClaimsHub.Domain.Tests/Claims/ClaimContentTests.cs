using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimContentTests
{
    private static readonly DateTimeOffset Now = ClaimFixture.Now;

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
