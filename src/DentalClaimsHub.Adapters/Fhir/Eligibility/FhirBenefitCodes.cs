using DentalClaimsHub.Domain.Eligibility;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>HL7 benefit network, unit and term codes mapped to canonical values.</summary>
internal static class FhirBenefitCodes
{
    public static string? Code(CodeableConcept? concept) =>
        concept?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code))?.Code?.Trim();

    /// <summary>http://terminology.hl7.org/CodeSystem/benefit-network</summary>
    public static BenefitNetwork Network(CodeableConcept? concept) => Code(concept) switch
    {
        "in" => BenefitNetwork.InNetwork,
        "out" => BenefitNetwork.OutOfNetwork,
        _ => BenefitNetwork.Unknown,
    };

    /// <summary>http://terminology.hl7.org/CodeSystem/unit-type</summary>
    public static CoverageLevel Unit(CodeableConcept? concept) => Code(concept) switch
    {
        "individual" => CoverageLevel.Individual,
        "family" => CoverageLevel.Family,
        _ => CoverageLevel.Unknown,
    };

    /// <summary>http://terminology.hl7.org/CodeSystem/benefit-term; "annual" is read as the calendar year.</summary>
    public static BenefitPeriod Term(CodeableConcept? concept) => Code(concept) switch
    {
        "annual" => BenefitPeriod.CalendarYear,
        "day" => BenefitPeriod.Day,
        "lifetime" => BenefitPeriod.Lifetime,
        _ => BenefitPeriod.Unknown,
    };

    /// <summary>http://terminology.hl7.org/CodeSystem/benefit-type, plus the names dental payers use.</summary>
    public static BenefitKind? Kind(string? code) => code switch
    {
        "benefit" or "maximum" => BenefitKind.Maximum,
        "deductible" => BenefitKind.Deductible,
        "copay" => BenefitKind.CoPay,
        "copay-percent" or "coinsurance" => BenefitKind.CoInsurance,
        "copay-maximum" or "out-of-pocket" => BenefitKind.OutOfPocket,
        "visit" or "frequency" => BenefitKind.Frequency,
        _ => null,
    };

    /// <summary>Category from the item's category coding, whose dental codes are the X12 service types (23–41).</summary>
    public static BenefitCategory Category(CodeableConcept? concept) =>
        BenefitCategoryCodes.TryFromX12ServiceType(Code(concept), out var category) ? category : BenefitCategory.DentalCare;
}
