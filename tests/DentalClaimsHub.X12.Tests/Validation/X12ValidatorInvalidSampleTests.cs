using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Tests.Validation;

public sealed class X12ValidatorInvalidSampleTests
{
    private readonly X12Validator _validator = new(SampleFiles.Registry);

    [Theory]
    [InlineData("invalid/bad-se01.837.x12", "IK502-4", "SE", null)]
    [InlineData("invalid/control-number-mismatch.837.x12", "IK502-3", "SE", null)]
    [InlineData("invalid/missing-required-segment.837.x12", "IK304-3", "N3", null)]
    [InlineData("invalid/bad-code-value.837.x12", "IK403-7", "CLM", 5)]
    [InlineData("invalid/clm02-mismatch.837.x12", "SNIP3-CLM02", "CLM", 2)]
    [InlineData("invalid/unbalanced.835.x12", "SNIP3-CLP04", "CLP", 4)]
    [InlineData("invalid/unbalanced.835.x12", "SNIP3-BPR02", "BPR", 2)]
    [InlineData("invalid/nonstandard-delimiters.837.x12", "IK403-1", "NM1", 8)]
    public void Validate_InvalidSample_ReportsTheExpectedError(string name, string code, string segmentId, int? element)
    {
        var report = _validator.Validate(SampleFiles.Read(name));

        Assert.False(report.IsValid);
        var finding = Assert.Single(report.Findings, f => f.Issue.Code == code && f.Issue.SegmentId == segmentId);
        Assert.Equal(element, finding.Issue.ElementPosition);
        Assert.True(finding.Issue.SegmentOrdinal > 0);
        Assert.False(string.IsNullOrWhiteSpace(finding.Issue.Message));
    }

    [Fact]
    public void Validate_BadCodeValue_ReportsComponentLoopAndValue()
    {
        var report = _validator.Validate(SampleFiles.Read("invalid/bad-code-value.837.x12"));

        var finding = Assert.Single(report.Findings, f => f.IsError);
        Assert.Equal(("2300", 3, "1325", "9"), (finding.Issue.LoopId, finding.Issue.ComponentPosition, finding.ElementRef, finding.BadValue));
        Assert.Contains("Claim Frequency Type Code", finding.Issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClaimChargeMismatch_ExplainsBothTotals()
    {
        var report = _validator.Validate(SampleFiles.Read("invalid/clm02-mismatch.837.x12"));

        var finding = Assert.Single(report.Findings, f => f.IsError);
        Assert.Contains("500", finding.Issue.Message, StringComparison.Ordinal);
        Assert.Contains("468", finding.Issue.Message, StringComparison.Ordinal);
    }
}
