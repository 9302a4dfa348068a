using DentalClaimsHub.Domain.Coverages;

namespace DentalClaimsHub.Domain.Tests.Coverages;

public class SubscriberRelationshipCodesTests
{
    [Theory]
    [InlineData(SubscriberRelationship.Self, "18")]
    [InlineData(SubscriberRelationship.Spouse, "01")]
    [InlineData(SubscriberRelationship.Child, "19")]
    [InlineData(SubscriberRelationship.Other, "G8")]
    public void ToX12Code_EachRelationship_MapsAndRoundTrips(SubscriberRelationship relationship, string code)
    {
        Assert.Equal(code, relationship.ToX12Code());
        Assert.Equal(relationship, SubscriberRelationshipCodes.FromX12Code(code));
    }

    [Fact]
    public void FromX12Code_LowerCase_IsAccepted()
    {
        Assert.Equal(SubscriberRelationship.Other, SubscriberRelationshipCodes.FromX12Code("g8"));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("")]
    [InlineData(null)]
    public void FromX12Code_UnknownCode_Throws(string? code)
    {
        Assert.Throws<DomainException>(() => SubscriberRelationshipCodes.FromX12Code(code));
        Assert.False(SubscriberRelationshipCodes.TryFromX12Code(code, out _));
    }
}
