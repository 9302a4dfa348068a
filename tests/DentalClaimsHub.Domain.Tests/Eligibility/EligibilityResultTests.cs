using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Eligibility;

public class EligibilityResultTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static EligibilityResult Sample() => new(
        CoverageStatus.Active,
        Now,
        [
            new BenefitLine { Kind = BenefitKind.ActiveCoverage, Category = BenefitCategory.DentalCare },
            new BenefitLine
            {
                Kind = BenefitKind.Maximum, Network = BenefitNetwork.InNetwork, CoverageLevel = CoverageLevel.Individual,
                Period = BenefitPeriod.CalendarYear, Amount = Money.Usd(1500m), Remaining = Money.Usd(900m),
            },
            new BenefitLine
            {
                Kind = BenefitKind.Maximum, Network = BenefitNetwork.InNetwork, CoverageLevel = CoverageLevel.Family,
                Period = BenefitPeriod.CalendarYear, Amount = Money.Usd(3000m), Remaining = Money.Usd(400m),
            },
            new BenefitLine
            {
                Kind = BenefitKind.Maximum, Network = BenefitNetwork.InNetwork, Category = BenefitCategory.DentalCare,
                CoverageLevel = CoverageLevel.Individual, Period = BenefitPeriod.Lifetime, Remaining = Money.Usd(100m),
            },
            new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.DentalCare, Network = BenefitNetwork.InNetwork, Percent = 50m },
            new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.Preventive, Network = BenefitNetwork.Both, Percent = 0m },
            new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.Restorative, Network = BenefitNetwork.OutOfNetwork, Percent = 30m },
        ])
    {
        PlanName = "PPO Gold",
        PlanBegin = new DateOnly(2026, 1, 1),
    };

    [Fact]
    public void RemainingMaximum_IndividualAndFamily_PrefersIndividualAndIgnoresLifetime()
    {
        Assert.Equal(Money.Usd(900m), Sample().RemainingMaximum());
    }

    [Fact]
    public void RemainingMaximum_NoMaximumLines_IsNull()
    {
        Assert.Null(new EligibilityResult(CoverageStatus.Active, Now).RemainingMaximum());
    }

    [Theory]
    [InlineData(BenefitCategory.Preventive, BenefitNetwork.InNetwork, 0)]
    [InlineData(BenefitCategory.Restorative, BenefitNetwork.InNetwork, 50)]
    [InlineData(BenefitCategory.Restorative, BenefitNetwork.OutOfNetwork, 30)]
    public void CoInsurancePercent_Category_FallsBackToPlanLevel(BenefitCategory category, BenefitNetwork network, int expected)
    {
        Assert.Equal(expected, Sample().CoInsurancePercent(category, network));
    }

    [Fact]
    public void CoInsurancePercent_NothingAtAll_IsNull()
    {
        Assert.Null(Sample().CoInsurancePercent(BenefitCategory.Orthodontics, BenefitNetwork.OutOfNetwork));
    }

    [Fact]
    public void Constructor_LocalTime_StoresUtc()
    {
        var result = new EligibilityResult(CoverageStatus.Inactive, new DateTimeOffset(2026, 5, 1, 13, 0, 0, TimeSpan.FromHours(3)));

        Assert.Equal(Now, result.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, result.ReceivedAt.Offset);
    }

    [Theory]
    [InlineData("42", null, true)]
    [InlineData("72", "C", false)]
    [InlineData("75", "R", true)]
    public void Rejection_Codes_TellWhetherRetryable(string code, string? followUp, bool retryable)
    {
        Assert.Equal(retryable, new EligibilityRejection(code, followUp).IsRetryable);
    }
}
