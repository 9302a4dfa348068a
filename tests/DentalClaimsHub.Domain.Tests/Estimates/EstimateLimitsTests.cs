using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Estimates;

public class EstimateLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcedureCode Prophy = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D1110");
    private static readonly ProcedureCode Crown = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D2740");

    private static EligibilityResult Plan(params BenefitLine[] extra) => new(CoverageStatus.Active, Now,
    [
        new BenefitLine { Kind = BenefitKind.CoInsurance, Network = BenefitNetwork.InNetwork, Percent = 50m },
        new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.Preventive, Network = BenefitNetwork.InNetwork, Percent = 0m },
        .. extra,
    ]);

    private static PlannedProcedure Line(ProcedureCode code, decimal fee) => new(code, Money.Usd(fee));

    [Fact]
    public void ForPlan_FrequencyUsedUp_PayerPaysNothingAndSaysWhy()
    {
        var used = new BenefitLine
        {
            Kind = BenefitKind.Frequency, Category = BenefitCategory.Preventive, Network = BenefitNetwork.InNetwork,
            Period = BenefitPeriod.Remaining, Quantity = 0m, ProcedureCodes = [Prophy], Note = "FREQUENCY MET; NEXT ELIGIBLE 08/10/2026",
        };

        var line = Assert.Single(EstimateCalculator.ForPlan(Plan(used), [Line(Prophy, 110m)]));

        Assert.Equal((0m, 110m), (line.PayerPortion.Amount, line.PatientPortion.Amount));
        var reason = Assert.Single(line.Reasons);
        Assert.Equal(EstimateReasonKind.FrequencyLimit, reason.Kind);
        Assert.Equal("FREQUENCY MET; NEXT ELIGIBLE 08/10/2026", reason.Note);
    }

    [Fact]
    public void ForPlan_FrequencyLeft_IsCoveredAsUsual()
    {
        var left = new BenefitLine
        {
            Kind = BenefitKind.Frequency, Category = BenefitCategory.Preventive, Period = BenefitPeriod.Remaining, Quantity = 1m,
            ProcedureCodes = [Prophy],
        };

        var line = Assert.Single(EstimateCalculator.ForPlan(Plan(left), [Line(Prophy, 110m)]));

        Assert.Equal(110m, line.PayerPortion.Amount);
    }

    [Fact]
    public void ForPlan_WaitingPeriodForRestorative_CrownNotCoveredYet()
    {
        var waiting = new BenefitLine
        {
            Kind = BenefitKind.WaitingPeriod, Category = BenefitCategory.Restorative, Period = BenefitPeriod.Month, Quantity = 12m,
        };

        var lines = EstimateCalculator.ForPlan(Plan(waiting), [Line(Crown, 1000m), Line(Prophy, 100m)]);

        Assert.Equal([0m, 100m], lines.Select(l => l.PayerPortion.Amount));
        Assert.Equal(EstimateReasonKind.WaitingPeriod, Assert.Single(lines[0].Reasons).Kind);
        Assert.Equal("waiting period of 12 month", lines[0].Reasons[0].Note);
    }

    [Fact]
    public void ForPlan_WaitingPeriodUntilADateForCrowns_CrownNotCoveredYetAndSaysUntilWhen()
    {
        var waiting = new BenefitLine { Kind = BenefitKind.WaitingPeriod, Category = BenefitCategory.Crowns, CoveredFrom = new DateOnly(2027, 1, 1) };

        var line = Assert.Single(EstimateCalculator.ForPlan(Plan(waiting), [Line(Crown, 1000m)]));

        Assert.Equal((0m, 1000m), (line.PayerPortion.Amount, line.PatientPortion.Amount));
        var reason = Assert.Single(line.Reasons);
        Assert.Equal((EstimateReasonKind.WaitingPeriod, "waiting period: covered from 2027-01-01"), (reason.Kind, reason.Note));
    }

    [Fact]
    public void ForPlan_CoPayForCode_PatientPaysTheCoPay()
    {
        var copay = new BenefitLine { Kind = BenefitKind.CoPay, Amount = Money.Usd(25m), ProcedureCodes = [Prophy] };

        var line = Assert.Single(EstimateCalculator.ForPlan(Plan(copay), [Line(Prophy, 110m)]));

        Assert.Equal((85m, 25m), (line.PayerPortion.Amount, line.PatientPortion.Amount));
        Assert.Equal(EstimateReasonKind.CoPay, Assert.Single(line.Reasons).Kind);
    }
}
