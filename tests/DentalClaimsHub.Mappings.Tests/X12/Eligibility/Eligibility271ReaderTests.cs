using System.Text;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Validation;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.Eligibility;

public sealed class Eligibility271ReaderTests
{
    public static TheoryData<string> Responses =>
    [
        "271-full-dental-breakdown", "271-inactive", "271-subscriber-not-found-aaa75", "271-deductible-met",
        "271-frequency-exhausted", "271-dependent-child", "271-payer-unable-aaa42", "271-invalid-member-id-aaa72",
        "271-invalid-name-aaa73", "271-waiting-period",
    ];

    internal static Eligibility271Report Read(string name, bool patientShare = true, DateOnly? asOf = null)
    {
        using var file = File.OpenRead(Samples.X12(name + ".x12"));
        return new Eligibility271Reader(Samples.Schemas, Time()).Read(file, X12Payer(patientShare).X12!.Options, asOf: asOf);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public Task Read_Sample_MatchesSnapshot(string name) =>
        Snapshot.Verify(CanonicalJson.Render(Read(name)), "json", name, scrub: false);

    [Theory]
    [MemberData(nameof(Responses))]
    public void Sample_PassesOwnValidator(string name)
    {
        var report = new X12Validator(Samples.Schemas).Validate(File.ReadAllText(Samples.X12(name + ".x12")));

        Assert.Empty(report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
    }

    [Fact]
    public void Read_FullBreakdown_MapsStatusPlanGroupAndDates()
    {
        var result = Read("271-full-dental-breakdown").Result!;

        Assert.Equal(CoverageStatus.Active, result.Status);
        Assert.Equal("DENTAL PPO PLUS", result.PlanName);
        Assert.Equal("GRP77120", result.GroupNumber);
        Assert.Equal("LAKESIDE LOGISTICS", result.GroupName);
        Assert.Equal("DEMO DENTAL MUTUAL", result.PayerName);
        Assert.Equal("DNX448812001", result.MemberId);
        Assert.Equal(new DateOnly(2026, 1, 1), result.PlanBegin);
        Assert.Equal(new DateOnly(2026, 12, 31), result.PlanEnd);
        Assert.Empty(result.Rejections);
        Assert.Equal("5A1D9E347C2B4F0EB6A82D3C4E5F6A70", Read("271-full-dental-breakdown").TraceNumber);
    }

    [Fact]
    public void Read_FullBreakdown_MapsDeductiblesMaximumsAndCoInsuranceByCategory()
    {
        var result = Read("271-full-dental-breakdown").Result!;

        Assert.Equal(1180.5m, result.RemainingMaximum()?.Amount);
        Assert.Equal(20m, result.CoInsurancePercent(BenefitCategory.Restorative));
        Assert.Equal(40m, result.CoInsurancePercent(BenefitCategory.Endodontics, BenefitNetwork.OutOfNetwork));
        Assert.Equal(50m, result.CoInsurancePercent(BenefitCategory.Crowns));
        Assert.Equal(0m, result.CoInsurancePercent(BenefitCategory.Preventive));
        var family = Assert.Single(result.Find(BenefitKind.Deductible), b => b.CoverageLevel == CoverageLevel.Family);
        Assert.Equal(150m, family.Amount?.Amount);
        Assert.Equal(BenefitPeriod.CalendarYear, family.Period);
        var lifetimeOrtho = Assert.Single(result.Find(BenefitKind.Maximum, BenefitCategory.Orthodontics), b => b.Amount is not null);
        Assert.Equal(BenefitPeriod.Lifetime, lifetimeOrtho.Period);
        Assert.Contains("UNDER AGE 19", lifetimeOrtho.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FullBreakdown_MapsFrequenciesExclusionsAndNotes()
    {
        var result = Read("271-full-dental-breakdown").Result!;

        var prophy = Assert.Single(result.Find(BenefitKind.Frequency), b => b.ProcedureCodes.Any(p => p.Code == "D1110"));
        Assert.Equal(
            (1m, QuantityUnit.Units, BenefitPeriod.Month, 6), (prophy.Quantity, prophy.QuantityUnit, prophy.Period, prophy.PeriodCount));
        Assert.Equal(BenefitCategory.Preventive, prophy.Category);
        Assert.Equal("Latest visit or consultation: 2025-11-04", prophy.Note);
        var nonCovered = Assert.Single(result.Find(BenefitKind.NonCovered));
        Assert.Equal(BenefitCategory.MaxillofacialProsthetics, nonCovered.Category);
        Assert.Equal("MAXILLOFACIAL PROSTHETICS ARE NOT COVERED UNDER THIS PLAN", nonCovered.Note);
        Assert.Single(result.Find(BenefitKind.Exclusion, BenefitCategory.Adjunctive));
        var copay = Assert.Single(result.Find(BenefitKind.CoPay));
        Assert.Equal((15m, BenefitPeriod.Visit), (copay.Amount?.Amount, copay.Period));
    }

    [Fact]
    public void Read_Inactive_StatusInactiveWithEligibilityEnd()
    {
        var result = Read("271-inactive").Result!;

        Assert.Equal(CoverageStatus.Inactive, result.Status);
        Assert.Equal(new DateOnly(2025, 12, 31), result.PlanEnd);
        Assert.Equal("COVERAGE TERMINATED 12/31/2025", Assert.Single(result.Benefits).Note);
    }

    [Fact]
    public void Read_DeductibleMet_RemainingDeductibleIsZero()
    {
        var result = Read("271-deductible-met").Result!;

        var remaining = Assert.Single(result.Find(BenefitKind.Deductible), b => b.Remaining is not null);
        Assert.Equal(0m, remaining.Remaining?.Amount);
        Assert.Equal(640m, result.RemainingMaximum()?.Amount);
    }

    [Fact]
    public void Read_FrequencyExhausted_NoVisitsRemainWithLastVisitNote()
    {
        var result = Read("271-frequency-exhausted").Result!;

        var left = Assert.Single(result.Find(BenefitKind.Frequency), b => b.Period == BenefitPeriod.Remaining);
        Assert.Equal((0m, QuantityUnit.Visits), (left.Quantity, left.QuantityUnit));
        Assert.Equal("D1110", Assert.Single(left.ProcedureCodes).Code);
        Assert.StartsWith("Latest visit or consultation: 2026-02-10", left.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DependentChild_UsesDependentLevelBenefitsAndName()
    {
        var result = Read("271-dependent-child").Result!;

        Assert.Equal(CoverageStatus.Active, result.Status);
        Assert.Equal("MATEO", result.MemberName?.First);
        Assert.Equal("DNX448812001", result.MemberId);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (result.PlanBegin, result.PlanEnd));
        Assert.All(result.Benefits, b => Assert.Equal(CoverageLevel.ChildrenOnly, b.CoverageLevel));
    }

    [Fact]
    public void Read_WaitingPeriod_MajorCategoriesWaitUntilTheirBenefitBegin()
    {
        var result = Read("271-waiting-period").Result!;

        Assert.Equal(CoverageStatus.Active, result.Status);
        var waiting = result.Find(BenefitKind.WaitingPeriod).ToList();
        Assert.Equal([BenefitCategory.Crowns, BenefitCategory.Prosthodontics], waiting.Select(w => w.Category));
        Assert.All(waiting, w => Assert.Equal(new DateOnly(2027, 1, 1), w.CoveredFrom));
        Assert.All(waiting, w => Assert.Equal("Benefit begin: 2027-01-01; 12 MONTH WAITING PERIOD ON MAJOR SERVICES", w.Note));
        // The co-insurance the category will have stays as the payer stated it; the plan began on 2026-01-01 all the same.
        Assert.Equal(50m, result.CoInsurancePercent(BenefitCategory.Crowns));
        Assert.Equal(new DateOnly(2026, 1, 1), result.PlanBegin);
        Assert.Empty(result.Find(BenefitKind.WaitingPeriod, BenefitCategory.Restorative));
    }

    [Fact]
    public void Read_WaitingPeriodRepeatedOnEachBenefitOfACategory_IsOneWaitingPeriod()
    {
        // A maximum for crowns as well as their co-insurance, each with the same benefit begin and wording.
        var text = File.ReadAllText(Samples.X12("271-waiting-period.x12"));
        var terminator = text[text.IndexOf("GS*", StringComparison.Ordinal) - 1] is '\n' ? "~\n" : "~";
        const string Crowns = "EB*A*IND*39*****0.5****Y";
        var maximum = string.Join(terminator, "EB*F*IND*36***23*1000*****Y", "DTP*348*D8*20270101",
            "MSG*12 MONTH WAITING PERIOD ON MAJOR SERVICES", Crowns);
        text = text.Replace(Crowns, maximum, StringComparison.Ordinal).Replace("SE*29*0001", "SE*32*0001", StringComparison.Ordinal);

        var result = new Eligibility271Reader(Samples.Schemas, Time()).Read(Encoding.ASCII.GetBytes(text), X12Payer().X12!.Options).Result!;

        Assert.Equal(1000m, result.Find(BenefitKind.Maximum, BenefitCategory.Crowns).Single().Amount?.Amount);
        var waiting = result.Find(BenefitKind.WaitingPeriod).ToList();
        Assert.Equal([BenefitCategory.Crowns, BenefitCategory.Prosthodontics], waiting.Select(w => w.Category));
        // The waiting periods come after every other line.
        Assert.Equal(waiting, result.Benefits.TakeLast(2));
    }

    [Fact]
    public void Read_WaitingPeriod_AskedOnOrAfterTheBenefitBegin_IsNoWaitingPeriod()
    {
        Assert.Empty(Read("271-waiting-period", asOf: new DateOnly(2027, 1, 1)).Result!.Find(BenefitKind.WaitingPeriod));
        Assert.Equal(2, Read("271-waiting-period", asOf: new DateOnly(2026, 12, 31)).Result!.Find(BenefitKind.WaitingPeriod).Count());
    }
}
