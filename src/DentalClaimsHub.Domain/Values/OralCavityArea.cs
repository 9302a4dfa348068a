using System.Diagnostics.CodeAnalysis;

namespace DentalClaimsHub.Domain.Values;

/// <summary>Area of the oral cavity a procedure applies to (X12 SV304, ADA area of oral cavity codes).</summary>
public enum OralCavityArea
{
    /// <summary>00 — entire oral cavity.</summary>
    WholeMouth = 0,

    /// <summary>01 — maxillary arch.</summary>
    Maxillary = 1,

    /// <summary>02 — mandibular arch.</summary>
    Mandibular = 2,

    /// <summary>10 — upper right quadrant.</summary>
    UpperRight = 10,

    /// <summary>20 — upper left quadrant.</summary>
    UpperLeft = 20,

    /// <summary>30 — lower left quadrant.</summary>
    LowerLeft = 30,

    /// <summary>40 — lower right quadrant.</summary>
    LowerRight = 40,
}

/// <summary>X12 SV304 codes for <see cref="OralCavityArea"/>.</summary>
public static class OralCavityAreaCodes
{
    /// <summary>The two-digit X12 code ("00", "01", "10"…).</summary>
    public static string ToX12Code(this OralCavityArea area) =>
        Enum.IsDefined(area)
            ? ((int)area).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : throw new DomainException($"Oral cavity area '{area}' is not a known value.", nameof(area));

    /// <summary>Reads an X12 SV304 code; throws <see cref="DomainException"/> for anything else.</summary>
    public static OralCavityArea FromX12Code(string? code) =>
        TryFromX12Code(code, out var area)
            ? area
            : throw new DomainException($"'{code}' is not an X12 oral cavity code (00, 01, 02, 10, 20, 30, 40).", nameof(code));

    /// <summary>Reads an X12 SV304 code without throwing.</summary>
    public static bool TryFromX12Code([NotNullWhen(true)] string? code, out OralCavityArea area)
    {
        area = default;
        var text = code?.Trim();
        if (text is not { Length: 2 } || !Guard.AllDigits(text))
        {
            return false;
        }

        var number = (text[0] - '0') * 10 + (text[1] - '0');
        if (!Enum.IsDefined(typeof(OralCavityArea), number))
        {
            return false;
        }

        area = (OralCavityArea)number;
        return true;
    }

    /// <summary>The quadrant of a quadrant area, or null for whole mouth and arches.</summary>
    public static Quadrant? ToQuadrant(this OralCavityArea area) =>
        (int)area is 10 or 20 or 30 or 40 ? (Quadrant)((int)area / 10) : null;
}
