using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class ScenarioSelectorTests
{
    private static ScenarioSelector Selector()
    {
        var selector = new ScenarioSelector();
        selector.Register("x12.eligibility.active", isDefault: true);
        selector.Register("x12.eligibility.inactive");
        selector.Register("x12.eligibility.not-found");
        return selector;
    }

    [Fact]
    public void Select_NothingChosen_ReturnsDefault() =>
        Assert.Equal("x12.eligibility.active", Selector().Select("x12.eligibility", "M1"));

    [Fact]
    public void Select_LongestMatchingPrefixWinsOverUse()
    {
        var selector = Selector();
        selector.Use("x12.eligibility.inactive");
        selector.UseForMemberPrefix("NF", "x12.eligibility.not-found");
        selector.UseForMemberPrefix("NFA", "x12.eligibility.active");

        Assert.Equal("x12.eligibility.active", selector.Select("x12.eligibility", "NFA1"));
        Assert.Equal("x12.eligibility.not-found", selector.Select("x12.eligibility", "NF1"));
        Assert.Equal("x12.eligibility.inactive", selector.Select("x12.eligibility", "Q1"));
    }

    [Fact]
    public void Use_UnknownScenario_ThrowsListingKnownOnes()
    {
        var exception = Assert.Throws<ArgumentException>(() => Selector().Use("x12.eligibility.maybe"));

        Assert.Contains("x12.eligibility.inactive", exception.Message, StringComparison.Ordinal);
    }
}
