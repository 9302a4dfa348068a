using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// Teeth, surfaces and areas of the oral cavity as FHIR codings. Teeth and areas go out in FDI (ISO 3950, the R4
/// <c>ex-tooth</c> set) and, where the claim was written in the ADA's notation, in that notation too, so no reader loses
/// what the practice sent.
/// </summary>
public static class FhirOralCodes
{
    /// <summary>
    /// A tooth: the FDI number first, then the ADA Universal designation when the claim used Universal numbering. The R4
    /// example set lists only permanent teeth; primary teeth (51–85) are valid FDI numbers and are sent the same way.
    /// </summary>
    public static CodeableConcept Tooth(ToothNumber tooth)
    {
        var concept = new CodeableConcept(FhirClaimSystems.FdiTooth, tooth.ToFdi().Value);
        if (tooth.System == ToothSystem.Universal)
        {
            concept.Coding.Add(new Coding(FhirClaimSystems.AdaUniversalTooth, tooth.Value));
        }

        return concept;
    }

    /// <summary>
    /// An area of the oral cavity: the ADA area code (the X12 SV304 value) and, for the whole mouth and the quadrants, the
    /// FDI code (0, 1–4). FDI has no code for an arch, so arches carry the ADA code alone.
    /// </summary>
    public static CodeableConcept Area(OralCavityArea area)
    {
        var concept = new CodeableConcept();
        if (FdiArea(area) is { } fdi)
        {
            concept.Coding.Add(new Coding(FhirClaimSystems.FdiTooth, fdi));
        }

        concept.Coding.Add(new Coding(FhirClaimSystems.AdaOralArea, area.ToX12Code()));
        return concept;
    }

    /// <summary>The FDI code of an area: 0 for the whole mouth, the quadrant digit for a quadrant, null for an arch.</summary>
    public static string? FdiArea(OralCavityArea area) => area switch
    {
        OralCavityArea.WholeMouth => "0",
        // X12 quadrants 10/20/30/40 are UR, UL, LL, LR: the same order as FDI quadrants 1–4.
        _ when area.ToQuadrant() is { } quadrant => ((int)quadrant).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>One <c>subSite</c> per surface, in the FDI surface codes.</summary>
    public static IEnumerable<CodeableConcept> Surfaces(SurfaceSet surfaces) =>
        surfaces.Surfaces.Select(s => new CodeableConcept(FhirClaimSystems.FdiSurface, FdiSurface(s)));

    /// <summary>
    /// The FDI surface code of one of our surfaces. Every letter maps one to one; only F (facial, the labial side of an
    /// anterior tooth) changes letter, to V (ventral, "facing the lips"). FDI's combined codes (MO, DO, DI, MOD) are not
    /// used: each surface is its own subSite, which keeps any combination of up to five.
    /// </summary>
    public static string FdiSurface(Surface surface) => surface switch
    {
        Surface.Facial => "V",
        _ => surface.ToCode().ToString(),
    };
}
