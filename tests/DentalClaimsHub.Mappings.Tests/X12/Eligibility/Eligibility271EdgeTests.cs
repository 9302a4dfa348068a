using System.Text;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.Eligibility;

public sealed class Eligibility271EdgeTests
{
    private static Eligibility271Report ReadText(string text) =>
        new Eligibility271Reader(Samples.Schemas, Time()).Read(Encoding.ASCII.GetBytes(text), X12Payer().X12!.Options);

    [Fact]
    public void Read_CoInsuranceIsPlanShare_PercentBecomesPatientShare()
    {
        var patientShare = Eligibility271ReaderTests.Read("271-full-dental-breakdown", patientShare: true).Result!;
        var planShare = Eligibility271ReaderTests.Read("271-full-dental-breakdown", patientShare: false).Result!;

        Assert.Equal(20m, patientShare.CoInsurancePercent(BenefitCategory.Restorative));
        Assert.Equal(80m, planShare.CoInsurancePercent(BenefitCategory.Restorative));
        Assert.Equal(100m, planShare.CoInsurancePercent(BenefitCategory.Preventive));
    }

    [Fact]
    public void Read_Aaa75_NotFoundWithCorrectAndResubmitFollowUp()
    {
        var result = Eligibility271ReaderTests.Read("271-subscriber-not-found-aaa75").Result!;

        Assert.Equal(CoverageStatus.NotFound, result.Status);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("75", "C", false), (rejection.ReasonCode, rejection.FollowUpAction, rejection.IsRetryable));
        Assert.StartsWith("Subscriber/insured not found (please correct and resubmit)", rejection.Description, StringComparison.Ordinal);
        Assert.Empty(result.Benefits);
    }

    [Fact]
    public void Read_Aaa42AtPayerLevel_UnknownAndRetryable()
    {
        var result = Eligibility271ReaderTests.Read("271-payer-unable-aaa42").Result!;

        Assert.Equal(CoverageStatus.Unknown, result.Status);
        Assert.True(Assert.Single(result.Rejections).IsRetryable);
    }

    [Fact]
    public void Read_Truncated271_FailsWithReportInsteadOfThrowing()
    {
        using var file = File.OpenRead(Samples.X12("271-malformed-truncated.x12"));
        var report = new Eligibility271Reader(Samples.Schemas, Time()).Read(file, X12Payer().X12!.Options);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Issues, i => i.Contains("SE trailer is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, this is not X12")]
    [InlineData("ISA*00*short~")]
    public void Read_NotX12_FailsWithReport(string text)
    {
        var report = ReadText(text);

        Assert.False(report.Succeeded);
        Assert.NotEmpty(report.Issues);
    }

    [Fact]
    public void Read_A270InsteadOf271_FailsNamingTheMissing271()
    {
        var report = ReadText(File.ReadAllText(Samples.X12("../270-dental-inquiry.x12")));

        Assert.False(report.Succeeded);
        Assert.Contains("No 271 transaction set was found.", report.Issues);
    }

    [Fact]
    public void Read_BadNumbersAndUnknownCodes_ReportedAsIssuesNotFailures()
    {
        var text = File.ReadAllText(Samples.X12("271-deductible-met.x12"))
            .Replace("EB*C*IND*35***23*50*****Y~", "EB*C*IND*35***23*5O*****Y~", StringComparison.Ordinal)
            .Replace("EB*A*IND*25*****0.2****Y~", "EB*Q*IND*25*****0.2****Y~", StringComparison.Ordinal);

        var report = ReadText(text);

        Assert.True(report.Succeeded);
        Assert.Contains(report.Issues, i => i.Contains("EB07 '5O' is not a number", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.Contains("benefit code 'Q' is not mapped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("HSD*FL*1***34*6", 1, QuantityUnit.Units, BenefitPeriod.Month, 6)]
    [InlineData("HSD*VS*2***23*1", 2, QuantityUnit.Visits, BenefitPeriod.CalendarYear, 1)]
    [InlineData("HSD*FL*1***21*5", 1, QuantityUnit.Units, BenefitPeriod.Years, 5)]
    [InlineData("HSD*VS*1***22", 1, QuantityUnit.Visits, BenefitPeriod.ServiceYear, null)]
    public void Read_Hsd_BecomesFrequencyQuantityPerPeriod(string hsd, int quantity, QuantityUnit unit, BenefitPeriod period, int? count)
    {
        var text = File.ReadAllText(Samples.X12("271-frequency-exhausted.x12")).Replace("HSD*FL*1***34*6", hsd, StringComparison.Ordinal);

        var line = Assert.Single(ReadText(text).Result!.Find(BenefitKind.Frequency), b => b.Period != BenefitPeriod.Remaining);

        Assert.Equal((quantity, unit, period, count), ((int)line.Quantity!.Value, line.QuantityUnit, line.Period, line.PeriodCount));
    }

    [Fact]
    public void Read_BomAndCrLfLineBreaks_SameResultAsPlainFile()
    {
        var plain = File.ReadAllText(Samples.X12("271-full-dental-breakdown.x12"));
        var crlf = Encoding.ASCII.GetBytes(plain.Replace("\n", "\r\n", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetPreamble().Concat(crlf).ToArray();

        var windows = new Eligibility271Reader(Samples.Schemas, Time()).Read(bytes, X12Payer().X12!.Options).Result!;
        var expected = Eligibility271ReaderTests.Read("271-full-dental-breakdown").Result!;

        Assert.Equal(expected.Benefits, windows.Benefits);
        Assert.Equal(expected.Status, windows.Status);
    }

    [Fact]
    public void Read_AaaUnderBenefitLoop_BecomesRejectionBesideBenefits()
    {
        var text = File.ReadAllText(Samples.X12("271-deductible-met.x12"))
            .Replace("EB*A*IND*25*****0.2****Y~", "EB*A*IND*25*****0.2****Y~\nAAA*Y**57*C~", StringComparison.Ordinal)
            .Replace("SE*25*0001~", "SE*26*0001~", StringComparison.Ordinal);

        var report = ReadText(text);
        var result = report.Result!;

        Assert.Empty(report.Issues);
        Assert.Equal(CoverageStatus.Active, result.Status);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("57", "C"), (rejection.ReasonCode, rejection.FollowUpAction));
        Assert.EndsWith("[loop 2110C]", rejection.Description, StringComparison.Ordinal);
    }
}
