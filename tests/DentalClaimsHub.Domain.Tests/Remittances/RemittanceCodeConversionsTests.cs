using DentalClaimsHub.Domain.Remittances;

namespace DentalClaimsHub.Domain.Tests.Remittances;

public class RemittanceCodeConversionsTests
{
    [Theory]
    [InlineData("CO", AdjustmentGroup.ContractualObligation)]
    [InlineData("pr", AdjustmentGroup.PatientResponsibility)]
    [InlineData("OA", AdjustmentGroup.OtherAdjustment)]
    [InlineData("PI", AdjustmentGroup.PayerInitiatedReduction)]
    public void AdjustmentGroupFromX12_Code_RoundTrips(string code, AdjustmentGroup group)
    {
        Assert.Equal(group, RemittanceCodeConversions.AdjustmentGroupFromX12(code));
        Assert.Equal(code.ToUpperInvariant(), group.ToX12Code());
    }

    [Theory]
    [InlineData("ACH", PaymentMethod.Ach)]
    [InlineData("CHK", PaymentMethod.Check)]
    [InlineData("FWT", PaymentMethod.Wire)]
    [InlineData("BOP", PaymentMethod.FinancialInstitutionOption)]
    [InlineData("NON", PaymentMethod.NonPayment)]
    public void PaymentMethodFromX12_Code_RoundTrips(string code, PaymentMethod method)
    {
        Assert.Equal(method, RemittanceCodeConversions.PaymentMethodFromX12(code));
        Assert.Equal(code, method.ToX12Code());
    }

    [Theory]
    [InlineData("1", ClaimPaymentStatus.ProcessedAsPrimary)]
    [InlineData("4", ClaimPaymentStatus.Denied)]
    [InlineData("22", ClaimPaymentStatus.Reversal)]
    [InlineData("25", ClaimPaymentStatus.PredeterminationPricingOnly)]
    public void ClaimPaymentStatusFromX12_Code_Maps(string code, ClaimPaymentStatus status)
    {
        Assert.Equal(status, RemittanceCodeConversions.ClaimPaymentStatusFromX12(code));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("XX")]
    [InlineData("")]
    public void ClaimPaymentStatusFromX12_Unknown_Throws(string code)
    {
        Assert.Throws<DomainException>(() => RemittanceCodeConversions.ClaimPaymentStatusFromX12(code));
    }

    [Fact]
    public void AdjustmentGroupFromX12_Unknown_Throws()
    {
        Assert.Throws<DomainException>(() => RemittanceCodeConversions.AdjustmentGroupFromX12("CR"));
    }
}
