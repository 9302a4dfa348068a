using System.Text.Json;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Serialization;

/// <summary>
/// Storage keeps owned records as JSON columns with System.Text.Json defaults; these prove the model survives the
/// trip without custom converters.
/// </summary>
public class JsonRoundTripTests
{
    private static T RoundTrip<T>(T value)
    {
        var json = JsonSerializer.Serialize(value);
        return JsonSerializer.Deserialize<T>(json)!;
    }

    [Fact]
    public void CoverageRecords_WebDefaultsWithStringEnums_RoundTrip()
    {
        // The options Storage's jsonb columns use.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        var subscriber = new Subscriber(new PersonName("Doe", "John"), new DateOnly(1980, 6, 1), Sex.Male, "W1");
        var terms = new DmsTerms("P1", "Стоматология", 45m, Money.Rub(100_000m), exclusions: ["без ортодонтии"]);

        Assert.Equal(subscriber, JsonSerializer.Deserialize<Subscriber>(JsonSerializer.Serialize(subscriber, options), options));
        Assert.Equal(terms, JsonSerializer.Deserialize<DmsTerms>(JsonSerializer.Serialize(terms, options), options));
    }

    [Fact]
    public void Money_RoundTrip_KeepsAmountAndCurrency()
    {
        Assert.Equal(Money.Rub(1_234.56m), RoundTrip(Money.Rub(1_234.56m)));
    }

    [Fact]
    public void ValueTypes_RoundTrip_AreEqual()
    {
        Assert.Equal(CdtCode.Parse("D2391"), RoundTrip(CdtCode.Parse("D2391")));
        Assert.Equal(NomenclatureCode.Parse("A16.07.002"), RoundTrip(NomenclatureCode.Parse("A16.07.002")));
        Assert.Equal(Icd10Code.Parse("K04.5"), RoundTrip(Icd10Code.Parse("K04.5")));
        Assert.Equal(SurfaceSet.Parse("MOD"), RoundTrip(SurfaceSet.Parse("MOD")));
        Assert.Equal(Npi.Parse("1234567893"), RoundTrip(Npi.Parse("1234567893")));
        Assert.Equal(Inn.Parse("7707083893"), RoundTrip(Inn.Parse("7707083893")));
        Assert.Equal(Ogrn.Parse("1027700132195"), RoundTrip(Ogrn.Parse("1027700132195")));
    }

    [Fact]
    public void ToothNumber_RoundTrip_KeepsSystemAndConversions()
    {
        var back = RoundTrip(ToothNumber.ParseUniversal("A"));

        Assert.Equal(ToothNumber.ParseUniversal("A"), back);
        Assert.Equal("55", back.ToFdi().Value);
    }

    [Fact]
    public void ProcedureCode_RoundTrip_KeepsSystem()
    {
        var code = ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "A16.07.002");

        Assert.Equal(code, RoundTrip(code));
    }

    [Fact]
    public void ValueType_TamperedJson_IsRejected()
    {
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<CdtCode>("""{"Value":"X1"}"""));
    }

    [Fact]
    public void CoverageRecords_RoundTrip_AreEqual()
    {
        var subscriber = new Subscriber(new PersonName("Doe", "John", "Q", "Jr"), new DateOnly(1980, 6, 1), Sex.Male, "W1");
        var terms = new DmsTerms("P1", "Стоматология", 45m, Money.Rub(100_000m), "Д-1", "ООО «Ромашка»", ["без ортодонтии"]);
        var address = new Address("1 Main St", "Apt 2", "Springfield", "IL", "62701", "US");

        Assert.Equal(subscriber, RoundTrip(subscriber));
        Assert.Equal(terms, RoundTrip(terms));
        Assert.Equal(address, RoundTrip(address));
    }

    [Fact]
    public void BenefitLine_RoundTrip_IsEqual()
    {
        var line = new BenefitLine
        {
            Kind = BenefitKind.Frequency,
            Category = BenefitCategory.Preventive,
            Network = BenefitNetwork.InNetwork,
            Quantity = 1,
            QuantityUnit = QuantityUnit.Services,
            Period = BenefitPeriod.Month,
            PeriodCount = 6,
            Remaining = Money.Usd(10m),
            ProcedureCodes = [ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D1110")],
        };

        Assert.Equal(line, RoundTrip(line));
    }

    [Fact]
    public void EligibilityResult_RoundTrip_KeepsBenefits()
    {
        var result = new EligibilityResult(
            CoverageStatus.Active, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero),
            [new BenefitLine { Kind = BenefitKind.Deductible, Amount = Money.Usd(50m) }],
            [new EligibilityRejection("42", "R")]) { PlanName = "PPO" };

        var back = RoundTrip(result);

        Assert.Equal("PPO", back.PlanName);
        Assert.Equal(result.Benefits, back.Benefits);
        Assert.Equal("42", back.Rejections[0].ReasonCode);
    }

    [Fact]
    public void EstimateLine_RoundTrip_KeepsPortions()
    {
        var line = new EstimateLine(
            ProcedureCode.Create(ProcedureCodeSystem.Cdt, "D2391"), Money.Usd(200m), Money.Usd(100m), Money.Usd(80m),
            [new EstimateReason(EstimateReasonKind.CoInsurance, "50 %")], ToothNumber.ParseUniversal("30"), SurfaceSet.Parse("MO"));

        var back = RoundTrip(line);

        Assert.Equal(Money.Usd(20m), back.WriteOff);
        Assert.Equal("30", back.Tooth!.Value.Value);
        Assert.Equal(line.Reasons, back.Reasons);
    }

    [Fact]
    public void RosterMember_RoundTrip_KeepsDedupKey()
    {
        var member = new RosterMember("1234 567890", PersonName.ParseJoined("Сёмин Пётр Ильич"), new DateOnly(1980, 5, 17))
        {
            AttachedFrom = new DateOnly(2026, 2, 1),
            FranchisePercent = 10m,
        };

        Assert.Equal(member.DedupKey, RoundTrip(member).DedupKey);
    }
}
