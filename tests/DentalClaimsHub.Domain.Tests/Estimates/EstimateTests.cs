using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Estimates;

public class EstimateTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcedureCode D2391 = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D2391");
    private static readonly ProcedureCode D1110 = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D1110");

    [Fact]
    public void Create_TwoLines_TotalsAddUp()
    {
        var estimate = Estimate.Create(Guid.NewGuid(), Guid.NewGuid(), "USD",
        [
            new EstimateLine(D2391, Money.Usd(200m), Money.Usd(120m), Money.Usd(60m),
                [new EstimateReason(EstimateReasonKind.CoInsurance, "50 %"), new EstimateReason(EstimateReasonKind.NetworkDiscount, Amount: Money.Usd(20m))]),
            new EstimateLine(D1110, Money.Usd(100m), Money.Usd(100m), Money.Usd(0m)),
        ], Now);

        Assert.Equal(Money.Usd(300m), estimate.TotalFee);
        Assert.Equal(Money.Usd(220m), estimate.TotalPayerPortion);
        Assert.Equal(Money.Usd(60m), estimate.TotalPatientPortion);
        Assert.Equal(Money.Usd(20m), estimate.TotalWriteOff);
        Assert.Equal(Money.Usd(20m), estimate.Lines[0].WriteOff);
    }

    [Fact]
    public void EstimateLine_PortionsExceedFee_Throws()
    {
        Assert.Throws<DomainException>(() => new EstimateLine(D2391, Money.Usd(100m), Money.Usd(80m), Money.Usd(30m)));
    }

    [Fact]
    public void EstimateLine_NegativePortion_Throws()
    {
        Assert.Throws<DomainException>(() => new EstimateLine(D2391, Money.Usd(100m), Money.Usd(-1m), Money.Usd(30m)));
    }

    [Fact]
    public void EstimateLine_MixedCurrency_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EstimateLine(D2391, Money.Usd(100m), Money.Rub(10m), Money.Usd(30m)));
    }

    [Fact]
    public void Create_LineInOtherCurrency_Throws()
    {
        Assert.Throws<DomainException>(() => Estimate.Create(Guid.NewGuid(), Guid.NewGuid(), "RUB",
            [new EstimateLine(D2391, Money.Usd(100m), Money.Usd(50m), Money.Usd(50m))], Now));
    }

    [Fact]
    public void Create_NoLines_Throws()
    {
        Assert.Throws<DomainException>(() => Estimate.Create(Guid.NewGuid(), Guid.NewGuid(), "USD", [], Now));
    }
}
