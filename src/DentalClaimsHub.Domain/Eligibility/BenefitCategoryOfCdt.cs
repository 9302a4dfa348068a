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
}
