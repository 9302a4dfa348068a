using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Validation;

/// <summary>Reads the dental fields requests share (tooth numbers, surfaces) with one wording for their errors.</summary>
public static class DentalFields
{
    /// <summary>The tooth in <paramref name="text"/> in <paramref name="system"/>; null when blank, or with an error when unreadable.</summary>
    public static ToothNumber? Tooth(string? text, ToothSystem system, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ToothNumber.TryParse(text, system, out var tooth))
        {
            return tooth;
        }

        errors.Add(path, system == ToothSystem.Fdi ? "Not an FDI tooth (11–48, 51–85)." : "Not a Universal tooth (1–32, A–T).");
        return null;
    }

    /// <summary>The surfaces in <paramref name="text"/>; empty when blank, or with an error when unreadable.</summary>
    public static SurfaceSet Surfaces(string? text, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SurfaceSet.Empty;
        }

        if (SurfaceSet.TryParse(text, out var surfaces))
        {
            return surfaces;
        }

        errors.Add(path, "Surfaces are letters from M O D B L I F, each once.");
        return SurfaceSet.Empty;
    }
}
