using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Tests.Validation;

/// <summary>Calendar rules of D8 / RD8 dates (DTP03) and DT elements (BHT04), valid and invalid values side by side.</summary>
public sealed class X12ValidatorDateTests
{
    private readonly X12Validator _validator = new(SampleFiles.Registry);

    [Theory]
    [InlineData("20240229", false)]
    [InlineData("20000229", false)]
    [InlineData("20230229", true)]
    [InlineData("19000229", true)]
    [InlineData("20261301", true)]
    [InlineData("20260100", true)]
    [InlineData("20260431", true)]
    [InlineData("00000101", true)]
    [InlineData("2026031A", true)]
    [InlineData("2026-3-1", true)]
    public void Validate_D8ServiceDate_FlagsImpossibleDates(string date, bool flagged)
    {
        var text = SampleFiles.Read("837D-claims.x12").Replace("DTP*472*D8*20260312~", $"DTP*472*D8*{date}~", StringComparison.Ordinal);

        var report = _validator.Validate(text);

        var findings = report.Findings.Where(f => f.Issue.Code == "IK403-8" && f.Issue.SegmentId == "DTP").ToList();
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged)
            Assert.Equal((3, date), (findings[0].Issue.ElementPosition, findings[0].BadValue));
    }

    [Theory]
    [InlineData("20260301-20260310", false)]
    [InlineData("20260310-20260310", false)]
    [InlineData("20260310-20260301", true)]
    [InlineData("20260301-20260310-20260311", true)]
    [InlineData("20260301", true)]
    [InlineData("20260301-", true)]
    [InlineData("20260230-20260301", true)]
    public void Validate_Rd8Period_NeedsTwoOrderedDates(string period, bool flagged)
    {
        var text = SampleFiles.Read("276-claim-status-request.x12").Replace("RD8*20260310-20260310", $"RD8*{period}", StringComparison.Ordinal);

        var report = _validator.Validate(text);

        Assert.Equal(flagged, report.Findings.Any(f => f.Issue.Code == "IK403-8" && f.Issue.SegmentId == "DTP" && f.BadValue == period));
    }

    [Theory]
    [InlineData("20240229", false)]
    [InlineData("20230229", true)]
    [InlineData("20261131", true)]
    public void Validate_DtElement_ChecksTheCalendar(string date, bool flagged)
    {
        var text = SampleFiles.Read("837D-claims.x12").Replace("*20260315*1030*CH~", $"*{date}*1030*CH~", StringComparison.Ordinal);

        var report = _validator.Validate(text);

        Assert.Equal(flagged, report.Findings.Any(f => f.Issue.Code == "IK403-8" && f.Issue.SegmentId == "BHT" && f.Issue.ElementPosition == 4));
    }
}
