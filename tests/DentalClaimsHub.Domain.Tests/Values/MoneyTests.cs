using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class MoneyTests
{
    [Fact]
    public void Usd_Amount_HasUsdCurrency()
    {
        var money = Money.Usd(12.5m);

        Assert.Equal(12.5m, money.Amount);
        Assert.Equal("USD", money.Currency);
    }

    [Fact]
    public void Constructor_LowerCaseCurrency_IsUpperCased()
    {
        Assert.Equal("RUB", new Money(1m, " rub ").Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("U1D")]
    [InlineData("РУБ")]
    public void Constructor_InvalidCurrency_Throws(string currency)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(1m, currency));
        Assert.Contains("ISO 4217", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameCurrency_SumsAmounts()
    {
        Assert.Equal(Money.Rub(150.75m), Money.Rub(100m) + Money.Rub(50.75m));
    }

    [Fact]
    public void Subtract_SameCurrency_SubtractsAmounts()
    {
        Assert.Equal(Money.Usd(-5m), Money.Usd(10m) - Money.Usd(15m));
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Usd(1m) + Money.Rub(1m));
    }

    [Fact]
    public void Compare_DifferentCurrencies_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Usd(1m) < Money.Rub(2m));
    }

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("1.004", "1.00")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("2.345", "2.35")]
    public void Round_Midpoint_RoundsAwayFromZero(string input, string expected)
    {
        var value = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.Usd(value).Round().Amount);
    }

    [Fact]
    public void Percent_FortyFivePercentOfOddAmount_RoundsToCents()
    {
        Assert.Equal(Money.Rub(1_395.45m), Money.Rub(3_101m).Percent(45m));
    }

    [Fact]
    public void Sum_Empty_IsZeroInCurrency()
    {
        Assert.Equal(Money.Zero("USD"), Money.Sum([], "USD"));
    }

    [Fact]
    public void Sum_MixedCurrency_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Sum([Money.Usd(1m), Money.Rub(1m)], "USD"));
    }

    [Fact]
    public void MinMax_TwoAmounts_PickCorrectly()
    {
        Assert.Equal(Money.Usd(3m), Money.Min(Money.Usd(3m), Money.Usd(4m)));
        Assert.Equal(Money.Usd(4m), Money.Max(Money.Usd(3m), Money.Usd(4m)));
    }

    [Fact]
    public void ToString_Amount_UsesInvariantTwoDecimals()
    {
        Assert.Equal("12.50 USD", Money.Usd(12.5m).ToString());
    }

    [Fact]
    public void Multiply_ByUnits_ScalesAmount()
    {
        Assert.Equal(Money.Usd(37.5m), Money.Usd(12.5m) * 3);
    }
}
