using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Estimates;

public class EstimateCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static EligibilityResult Plan(CoverageStatus status = CoverageStatus.Active) => new(status, Now,
    [
        new BenefitLine
        {
            Kind = BenefitKind.Deductible, Network = BenefitNetwork.InNetwork, CoverageLevel = CoverageLevel.Individual,
            Period = BenefitPeriod.CalendarYear, Amount = Money.Usd(50m), Remaining = Money.Usd(50m),
        },
        new BenefitLine { Kind = BenefitKind.Deductible, Category = BenefitCategory.Preventive, Amount = Money.Usd(0m) },
        new BenefitLine
        {
            Kind = BenefitKind.Maximum, Network = BenefitNetwork.InNetwork, CoverageLevel = CoverageLevel.Individual,
            Period = BenefitPeriod.CalendarYear, Amount = Money.Usd(1500m), Remaining = Money.Usd(300m),
        },
        new BenefitLine { Kind = BenefitKind.CoInsurance, Network = BenefitNetwork.InNetwork, Percent = 50m },
        new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.Preventive, Network = BenefitNetwork.InNetwork, Percent = 0m },
        new BenefitLine { Kind = BenefitKind.NonCovered, Category = BenefitCategory.Orthodontics, Note = "no ortho rider" },
    ]);

    private static PlannedProcedure Cdt(string code, decimal fee, decimal? allowed = null) =>
        new(ProcedureCode.Create(ProcedureCodeSystem.Cdt, code), Money.Usd(fee), allowed is null ? null : Money.Usd(allowed.Value));

    [Fact]
    public void ForPlan_TreatmentPlan_AppliesDiscountDeductibleCoInsuranceMaximumAndExclusion()
    {
        var lines = EstimateCalculator.ForPlan(Plan(),
            [Cdt("D1110", 120m, 100m), Cdt("D2391", 200m, 180m), Cdt("D2740", 1200m, 1000m), Cdt("D8080", 5000m)]);

        Assert.Equal([100m, 65m, 135m, 0m], lines.Select(l => l.PayerPortion.Amount));
        Assert.Equal([0m, 115m, 865m, 5000m], lines.Select(l => l.PatientPortion.Amount));
        Assert.Equal([20m, 20m, 200m, 0m], lines.Select(l => l.WriteOff.Amount));
        Assert.Contains(lines[1].Reasons, r => r.Kind == EstimateReasonKind.Deductible && r.Amount == Money.Usd(50m));
        Assert.DoesNotContain(lines[0].Reasons, r => r.Kind == EstimateReasonKind.Deductible);
        Assert.Contains(lines[2].Reasons, r => r.Kind == EstimateReasonKind.MaximumReached && r.Amount == Money.Usd(365m));
        Assert.Contains(lines[3].Reasons, r => r.Kind == EstimateReasonKind.NotCovered && r.Note == "no ortho rider");
    }

    [Fact]
    public void ForPlan_InactiveCoverage_PatientPaysAllowed()
    {
        var line = Assert.Single(EstimateCalculator.ForPlan(Plan(CoverageStatus.Inactive), [Cdt("D0120", 60m)]));

        Assert.Equal(Money.Usd(0m), line.PayerPortion);
        Assert.Equal(Money.Usd(60m), line.PatientPortion);
        Assert.Equal(EstimateReasonKind.NotCovered, line.Reasons[0].Kind);
    }

    [Fact]
    public void ForPlan_NoCoInsuranceData_ReportsNoBenefitInformation()
    {
        var result = new EligibilityResult(CoverageStatus.Active, Now);

        var line = Assert.Single(EstimateCalculator.ForPlan(result, [Cdt("D2391", 200m)]));

        Assert.Equal(Money.Usd(200m), line.PatientPortion);
        Assert.Equal(EstimateReasonKind.NoBenefitInformation, line.Reasons[0].Kind);
    }

    [Fact]
    public void ForDms_FranchiseAndLimit_SplitsAndCaps()
    {
        var terms = new DmsTerms("STOM", "Стоматология", 10m, Money.Rub(1_000m));
        PlannedProcedure Service(decimal fee) =>
            new(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.002"), Money.Rub(fee));

        var lines = EstimateCalculator.ForDms(terms, [Service(600m), Service(700m)]);

        Assert.Equal([540m, 460m], lines.Select(l => l.PayerPortion.Amount));
        Assert.Equal([60m, 240m], lines.Select(l => l.PatientPortion.Amount));
        Assert.Contains(lines[1].Reasons, r => r.Kind == EstimateReasonKind.LimitExhausted && r.Amount == Money.Rub(170m));
    }

    [Fact]
    public void ForDms_ExcludedService_IsThePatientsAndLeavesTheLimit()
    {
        var terms = new DmsTerms("STOM", "Стоматология", 10m, Money.Rub(1_000m), exclusions: ["без ортодонтии"]);
        var consultation = ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "B01.063.001");
        var filling = ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.002");

        var lines = EstimateCalculator.ForDms(terms, [new(consultation, Money.Rub(1_500m)), new(filling, Money.Rub(1_000m))],
            excludedBy: code => code == consultation ? "без ортодонтии" : null);

        Assert.Equal([0m, 900m], lines.Select(l => l.PayerPortion.Amount));
        Assert.Equal([1_500m, 100m], lines.Select(l => l.PatientPortion.Amount));
        Assert.Equal(new EstimateReason(EstimateReasonKind.Exclusion, "без ортодонтии", Money.Rub(1_500m)), Assert.Single(lines[0].Reasons));
        Assert.DoesNotContain(lines[1].Reasons, r => r.Kind == EstimateReasonKind.LimitExhausted);
    }

    [Fact]
    public void DmsAnsweredTerms_AreTheAnswersFranchiseLimitAndExclusions()
    {
        var stored = new DmsTerms("STOM", "Стоматология", 10m, Money.Rub(150_000m), "Д-1", "ООО «Ромашка»");
        var answer = new EligibilityResult(CoverageStatus.Active, DateTimeOffset.UnixEpoch,
        [
            new BenefitLine { Kind = BenefitKind.ActiveCoverage, Category = BenefitCategory.DentalCare },
            new BenefitLine { Kind = BenefitKind.CoInsurance, Category = BenefitCategory.DentalCare, Percent = 20m },
            new BenefitLine { Kind = BenefitKind.Maximum, Category = BenefitCategory.DentalCare, Amount = Money.Rub(80_000m) },
            new BenefitLine { Kind = BenefitKind.Exclusion, Category = BenefitCategory.DentalCare, Note = "без ортодонтии" },
        ]);

        var terms = DmsAnsweredTerms.Of(answer, stored);

        Assert.Equal((20m, Money.Rub(80_000m), "STOM", "Д-1"), (terms.FranchisePercent, terms.Limit, terms.ProgramCode, terms.ContractNumber));
        Assert.Equal(["без ортодонтии"], terms.Exclusions);
        // An answer without a franchise line means none, whatever the coverage stored.
        var noFranchise = new EligibilityResult(CoverageStatus.Active, DateTimeOffset.UnixEpoch, [answer.Benefits[0]]);
        Assert.Null(DmsAnsweredTerms.Of(noFranchise, stored).FranchisePercent);
    }

    [Fact]
    public void ForDms_NoFranchiseNoLimit_InsurerPaysAll()
    {
        var line = Assert.Single(EstimateCalculator.ForDms(new DmsTerms("P", "N"),
            [new PlannedProcedure(ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "B01.065.001"), Money.Rub(1_500m))]));

        Assert.Equal(Money.Rub(1_500m), line.PayerPortion);
        Assert.Empty(line.Reasons);
    }

    [Theory]
    [InlineData("D0120", BenefitCategory.Diagnostic)]
    [InlineData("D1110", BenefitCategory.Preventive)]
    [InlineData("D2391", BenefitCategory.Restorative)]
    [InlineData("D2740", BenefitCategory.Crowns)]
    [InlineData("D2950", BenefitCategory.Restorative)]
    [InlineData("D3310", BenefitCategory.Endodontics)]
    [InlineData("D4341", BenefitCategory.Periodontics)]
    [InlineData("D5213", BenefitCategory.Prosthodontics)]
    [InlineData("D6010", BenefitCategory.Prosthodontics)]
    [InlineData("D6750", BenefitCategory.Prosthodontics)]
    [InlineData("D5986", BenefitCategory.MaxillofacialProsthetics)]
    [InlineData("D7140", BenefitCategory.OralSurgery)]
    [InlineData("D8080", BenefitCategory.Orthodontics)]
    [InlineData("D9110", BenefitCategory.Adjunctive)]
    public void ToBenefitCategory_CdtCode_MapsRange(string code, BenefitCategory expected)
    {
        Assert.Equal(expected, CdtCode.Parse(code).ToBenefitCategory());
    }
}
