using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Remittances;

public class RemittanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static Adjustment Co45(decimal amount) => new(AdjustmentGroup.ContractualObligation, "45", Money.Usd(amount));

    private static Adjustment Pr2(decimal amount) => new(AdjustmentGroup.PatientResponsibility, "2", Money.Usd(amount));

    // Charge 200, contractual 40, co-insurance 32 → paid 128.
    private static ClaimPayment PaidClaim(
        string pcn = "PCN1",
        ClaimPaymentStatus status = ClaimPaymentStatus.ProcessedAsPrimary,
        decimal paid = 128m,
        decimal patient = 32m,
        IReadOnlyList<Adjustment>? claimAdjustments = null,
        IReadOnlyList<Adjustment>? lineAdjustments = null) => new()
    {
        PatientControlNumber = pcn,
        Status = status,
        Charge = Money.Usd(200m),
        Paid = Money.Usd(paid),
        PatientResponsibility = Money.Usd(patient),
        PayerClaimNumber = "PAYER-9",
        Adjustments = claimAdjustments ?? [],
        ServiceLines =
        [
            new ServiceLinePayment
            {
                Charge = Money.Usd(200m),
                Paid = Money.Usd(128m),
                Procedure = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D2391"),
                LineControlNumber = "LINE1",
                Adjustments = lineAdjustments ?? [Co45(40m), Pr2(32m)],
                RemarkCodes = ["N130"],
            },
        ],
    };

    [Fact]
    public void CheckBalance_BalancedRemittanceWithInterest_HasNoProblems()
    {
        // Interest L6 is a negative PLB: it increases the payment.
        var remittance = Remittance.Create("demo-x12-dental",
            new PaymentInfo(PaymentMethod.Ach, Money.Usd(130.50m), new DateOnly(2026, 6, 30), "EFT123"),
            [PaidClaim()], Now, [new ProviderAdjustment("L6", Money.Usd(-2.50m))]);

        Assert.Empty(remittance.CheckBalance());
    }

    [Fact]
    public void CheckBalance_PaymentMismatch_Reported()
    {
        var remittance = Remittance.Create("p", new PaymentInfo(PaymentMethod.Check, Money.Usd(100m), null, "CHK1"), [PaidClaim()], Now);

        var problem = Assert.Single(remittance.CheckBalance());
        Assert.Contains("128.00 USD", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckBalance_UnbalancedLine_ReportsLineAndClaim()
    {
        var claim = PaidClaim(lineAdjustments: [Co45(40m)]);
        var remittance = Remittance.Create("p", new PaymentInfo(PaymentMethod.Ach, Money.Usd(128m), null, "T"), [claim], Now);

        Assert.Equal(2, remittance.CheckBalance().Count);
    }

    [Fact]
    public void MatchTo_WithLineNumbers_SetsClaimAndLines()
    {
        var payment = PaidClaim();
        var claimId = Guid.NewGuid();

        payment.MatchTo(claimId, [3]);

        Assert.Equal(claimId, payment.ClaimId);
        Assert.Equal(3, payment.ServiceLines[0].ClaimLineNumber);
        Assert.False(payment.NeedsReview);
        Assert.Throws<DomainException>(() => payment.MatchTo(claimId, [1, 2]));
    }

    [Fact]
    public void MarkPosted_Unmatched_Throws()
    {
        Assert.Throws<DomainException>(() => PaidClaim().MarkPosted(Now));
    }

    [Fact]
    public void Create_NumbersPaymentsAndFlagging_KeepsProblems()
    {
        var remittance = Remittance.Create("p", new PaymentInfo(PaymentMethod.Ach, Money.Usd(100m), null, "T"), [PaidClaim(), PaidClaim("PCN2")], Now);

        Assert.Equal([1, 2], remittance.ClaimPayments.Select(p => p.Ordinal));
        Assert.Equal(RemittanceStatus.Received, remittance.Status);
        remittance.Flag(RemittanceStatus.Unbalanced, remittance.CheckBalance());
        Assert.Equal(RemittanceStatus.Unbalanced, remittance.Status);
        Assert.Single(remittance.Problems);
        Assert.Throws<DomainException>(() => remittance.MarkPosted(Now));
    }

    [Fact]
    public void Flag_CodedBalanceProblems_KeepsTheEnglishTextAndTheCodeBesideIt()
    {
        var remittance = Remittance.Create("p", new PaymentInfo(PaymentMethod.Ach, Money.Usd(100m), null, "T"), [PaidClaim(), PaidClaim("PCN2")], Now);
        var english = remittance.CheckBalance();

        remittance.Flag(RemittanceStatus.Unbalanced, remittance.BalanceProblems());

        Assert.Equal(english, remittance.Problems);
        var code = Assert.Single(remittance.ProblemCodes);
        Assert.Equal(RemittanceProblems.PaymentUnbalanced, code.Code);
        Assert.Equal("100.00 USD", code.Args[1]);
        Assert.Equal($"Claims paid minus provider adjustments is {code.Args[0]}, the payment is 100.00 USD.", remittance.Problems[0]);
    }

    [Fact]
    public void WriteOffAndPatientShare_SumTheirGroups()
    {
        var payment = PaidClaim();

        Assert.Equal(Money.Usd(40m), payment.WriteOff);
        Assert.Equal(Money.Usd(32m), payment.PatientShare);
    }

    [Fact]
    public void ToClaimOutcome_OnlyContractualAndPatient_IsPaid()
    {
        Assert.Equal(ClaimState.Paid, PaidClaim().ToClaimOutcome());
    }

    [Fact]
    public void ToClaimOutcome_OtherAdjustment_IsPartiallyPaid()
    {
        var claim = PaidClaim(paid: 118m, claimAdjustments: [new Adjustment(AdjustmentGroup.OtherAdjustment, "119", Money.Usd(10m))]);

        Assert.Equal(ClaimState.PartiallyPaid, claim.ToClaimOutcome());
    }

    [Fact]
    public void ToClaimOutcome_StatusDenied_IsDenied()
    {
        Assert.Equal(ClaimState.Denied, PaidClaim(status: ClaimPaymentStatus.Denied).ToClaimOutcome());
    }

    [Fact]
    public void ToClaimOutcome_NothingPaidNothingOwed_IsDenied()
    {
        var claim = PaidClaim(paid: 0m, patient: 0m);

        Assert.Equal(ClaimState.Denied, claim.ToClaimOutcome());
    }

    [Theory]
    [InlineData(ClaimPaymentStatus.Reversal)]
    [InlineData(ClaimPaymentStatus.PredeterminationPricingOnly)]
    public void ToClaimOutcome_NonAdjudication_IsNull(ClaimPaymentStatus status)
    {
        Assert.Null(PaidClaim(status: status).ToClaimOutcome());
    }

    [Fact]
    public void PaymentInfo_NegativeAmount_Throws()
    {
        Assert.Throws<DomainException>(() => new PaymentInfo(PaymentMethod.Ach, Money.Usd(-1m), null, "T"));
    }

    [Fact]
    public void ServiceLine_PatientResponsibility_SumsPr()
    {
        Assert.Equal(Money.Usd(32m), PaidClaim().ServiceLines[0].PatientResponsibility);
    }
}
