using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>Which benefit category a CDT code falls under, by the ADA code ranges.</summary>
public static class BenefitCategoryOfCdt
{
    /// <summary>The benefit category of a CDT code; implants and fixed and removable prosthetics count as prosthodontics.</summary>
    public static BenefitCategory ToBenefitCategory(this CdtCode code) => code.Category switch
    {
        CdtCategory.Diagnostic => BenefitCategory.Diagnostic,
        CdtCategory.Preventive => BenefitCategory.Preventive,
        CdtCategory.Restorative when IsCrown(code) => BenefitCategory.Crowns,
        CdtCategory.Restorative => BenefitCategory.Restorative,
        CdtCategory.Endodontics => BenefitCategory.Endodontics,
        CdtCategory.Periodontics => BenefitCategory.Periodontics,
        CdtCategory.ProsthodonticsRemovable or CdtCategory.ProsthodonticsFixed or CdtCategory.Implants => BenefitCategory.Prosthodontics,
        CdtCategory.MaxillofacialProsthetics => BenefitCategory.MaxillofacialProsthetics,
        CdtCategory.OralSurgery => BenefitCategory.OralSurgery,
        CdtCategory.Orthodontics => BenefitCategory.Orthodontics,
        CdtCategory.Adjunctive => BenefitCategory.Adjunctive,
        _ => BenefitCategory.DentalCare,
    };

    /// <summary>
    /// The category to fall back to when a payer states nothing for <paramref name="category"/>: crowns are restorative
    /// work (X12 service type 36 within 25), everything else falls back to dental care as a whole (35).
    /// </summary>
    public static BenefitCategory Broader(this BenefitCategory category) =>
        category == BenefitCategory.Crowns ? BenefitCategory.Restorative : BenefitCategory.DentalCare;

    // D2710–D2799: single-tooth crowns, which payers state as their own service type (36).
    private static bool IsCrown(CdtCode code) => string.CompareOrdinal(code.Value, "D2710") >= 0 && string.CompareOrdinal(code.Value, "D2799") <= 0;
}
