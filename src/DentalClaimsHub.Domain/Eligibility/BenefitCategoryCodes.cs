using System.Diagnostics.CodeAnalysis;

namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>X12 service type codes (EQ01 / EB03) for the dental <see cref="BenefitCategory"/> values.</summary>
public static class BenefitCategoryCodes
{
    private static readonly (BenefitCategory Category, string Code)[] Map =
    [
        (BenefitCategory.DentalCare, "35"),
        (BenefitCategory.Diagnostic, "23"),
        (BenefitCategory.Preventive, "41"),
        (BenefitCategory.Restorative, "25"),
        (BenefitCategory.Crowns, "36"),
        (BenefitCategory.Endodontics, "26"),
        (BenefitCategory.Periodontics, "24"),
        (BenefitCategory.Prosthodontics, "39"),
        (BenefitCategory.Orthodontics, "38"),
        (BenefitCategory.OralSurgery, "40"),
        (BenefitCategory.Adjunctive, "28"),
        (BenefitCategory.MaxillofacialProsthetics, "27"),
        (BenefitCategory.Accident, "37"),
    ];

    /// <summary>The X12 service type code, or null for a category X12 has no code for (<see cref="BenefitCategory.Major"/>).</summary>
    public static string? ToX12ServiceType(this BenefitCategory category) =>
        Array.Find(Map, m => m.Category == category).Code;

    /// <summary>Reads an X12 service type code; false for codes outside dental.</summary>
    public static bool TryFromX12ServiceType([NotNullWhen(true)] string? code, out BenefitCategory category)
    {
        var trimmed = code?.Trim();
        foreach (var (c, x12) in Map)
        {
            if (x12 == trimmed)
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }
}
