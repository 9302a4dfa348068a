using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Eligibility;

public class BenefitLineTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Percent_OutOfRange_Throws(double percent)
    {
        Assert.Throws<DomainException>(() => new BenefitLine { Kind = BenefitKind.CoInsurance, Percent = (decimal)percent });
    }

    [Fact]
    public void Remaining_Negative_Throws()
    {
        Assert.Throws<DomainException>(() => new BenefitLine { Kind = BenefitKind.Maximum, Remaining = Money.Usd(-1m) });
    }

    [Fact]
    public void PeriodCount_Zero_Throws()
    {
        Assert.Throws<DomainException>(() => new BenefitLine { Kind = BenefitKind.Frequency, PeriodCount = 0 });
    }

    [Fact]
    public void Frequency_OnePerSixMonths_KeepsAllParts()
    {
        var d1110 = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D1110");
        var line = new BenefitLine
        {
            Kind = BenefitKind.Frequency,
            Category = BenefitCategory.Preventive,
            Quantity = 1,
            QuantityUnit = QuantityUnit.Services,
            Period = BenefitPeriod.Month,
            PeriodCount = 6,
            ProcedureCodes = [d1110],
        };

        Assert.True(line.AppliesTo(d1110));
        Assert.False(line.AppliesTo(ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D0120")));
        Assert.Equal(6, line.PeriodCount);
    }

    [Fact]
    public void AppliesTo_NoCodes_AppliesToAll()
    {
        Assert.True(new BenefitLine { Kind = BenefitKind.CoInsurance }.AppliesTo(ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D2391")));
    }

    [Fact]
    public void Equals_SameContentWithCodes_AreEqual()
    {
        BenefitLine Make() => new()
        {
            Kind = BenefitKind.Limitation,
            ProcedureCodes = [ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D0274")],
            Note = "1 per 12 months",
        };

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), Make() with { Note = "other" });
    }

    [Theory]
    [InlineData(BenefitCategory.DentalCare, "35")]
    [InlineData(BenefitCategory.Diagnostic, "23")]
    [InlineData(BenefitCategory.Periodontics, "24")]
    [InlineData(BenefitCategory.Restorative, "25")]
    [InlineData(BenefitCategory.Endodontics, "26")]
    [InlineData(BenefitCategory.MaxillofacialProsthetics, "27")]
    [InlineData(BenefitCategory.Adjunctive, "28")]
    [InlineData(BenefitCategory.Crowns, "36")]
    [InlineData(BenefitCategory.Accident, "37")]
    [InlineData(BenefitCategory.Orthodontics, "38")]
    [InlineData(BenefitCategory.Prosthodontics, "39")]
    [InlineData(BenefitCategory.OralSurgery, "40")]
    [InlineData(BenefitCategory.Preventive, "41")]
    public void ToX12ServiceType_Category_MapsAndRoundTrips(BenefitCategory category, string code)
    {
        Assert.Equal(code, category.ToX12ServiceType());
        Assert.True(BenefitCategoryCodes.TryFromX12ServiceType(code, out var back));
        Assert.Equal(category, back);
    }

    [Fact]
    public void ToX12ServiceType_Major_IsNull()
    {
        Assert.Null(BenefitCategory.Major.ToX12ServiceType());
        Assert.False(BenefitCategoryCodes.TryFromX12ServiceType("30", out _));
    }
}
