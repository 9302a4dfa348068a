using DentalClaimsHub.Adapters.Dms.Registries;

namespace DentalClaimsHub.Adapters.Tests.Dms.Registries;

public sealed class DmsRegistryAmountsTests
{
    [Fact]
    public void Of_DiscountAndFranchise_RoundsEachStepToKopecks()
    {
        var amounts = DmsRegistryAmounts.Of(1234.50m, 3, 5m, 10m);

        Assert.Equal(3703.50m, amounts.Gross);
        Assert.Equal(185.18m, amounts.Discount); // 185.175 rounds half away from zero
        Assert.Equal(3518.32m, amounts.Amount);
        Assert.Equal(351.83m, amounts.Franchise); // 351.832
        Assert.Equal(3166.49m, amounts.InsurerAmount);
        Assert.Equal(amounts.Amount, amounts.Franchise + amounts.InsurerAmount);
    }

    [Fact]
    public void Of_NoDiscountNoFranchise_InsurerPaysTheWholeSum()
    {
        var amounts = DmsRegistryAmounts.Of(800m, 2, 0m, 0m);

        Assert.Equal(new DmsRegistryAmounts(1600m, 0m, 1600m, 0m, 1600m), amounts);
    }

    [Fact]
    public void Of_FullFranchise_PatientPaysEverything()
    {
        var amounts = DmsRegistryAmounts.Of(999.99m, 1, 0m, 100m);

        Assert.Equal(999.99m, amounts.Franchise);
        Assert.Equal(0m, amounts.InsurerAmount);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(101, 0)]
    [InlineData(0, -0.5)]
    [InlineData(0, 100.01)]
    public void Of_PercentOutOfRange_Throws(double discount, double franchise) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DmsRegistryAmounts.Of(100m, 1, (decimal)discount, (decimal)franchise));

    [Fact]
    public void Sum_AddsEveryPart()
    {
        var sum = DmsRegistryAmounts.Of(100m, 1, 5m, 10m) + DmsRegistryAmounts.Of(200m, 2, 5m, 10m);

        Assert.Equal(new DmsRegistryAmounts(500m, 25m, 475m, 47.5m, 427.5m), sum);
    }
}
