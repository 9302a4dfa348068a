namespace DentalClaimsHub.Domain.Values;

/// <summary>Quadrant of the mouth, numbered as the FDI permanent quadrant digit (seen from the patient).</summary>
public enum Quadrant
{
    UpperRight = 1,
    UpperLeft = 2,
    LowerLeft = 3,
    LowerRight = 4,
}

/// <summary>Upper (maxillary) or lower (mandibular) arch.</summary>
public enum Arch
{
    Maxillary = 1,
    Mandibular = 2,
}

/// <summary>Relations between quadrants, arches and X12 oral cavity areas.</summary>
public static class QuadrantExtensions
{
    /// <summary>The arch a quadrant lies in.</summary>
    public static Arch GetArch(this Quadrant quadrant) =>
        quadrant is Quadrant.UpperRight or Quadrant.UpperLeft ? Arch.Maxillary : Arch.Mandibular;

    /// <summary>The X12 oral cavity area of a quadrant (10 UR, 20 UL, 30 LL, 40 LR).</summary>
    public static OralCavityArea ToOralCavityArea(this Quadrant quadrant) => quadrant switch
    {
        Quadrant.UpperRight => OralCavityArea.UpperRight,
        Quadrant.UpperLeft => OralCavityArea.UpperLeft,
        Quadrant.LowerLeft => OralCavityArea.LowerLeft,
        Quadrant.LowerRight => OralCavityArea.LowerRight,
        _ => throw new DomainException($"Quadrant '{quadrant}' is not a known value.", nameof(quadrant)),
    };

    /// <summary>The X12 oral cavity area of an arch (01 maxillary, 02 mandibular).</summary>
    public static OralCavityArea ToOralCavityArea(this Arch arch) =>
        arch == Arch.Maxillary ? OralCavityArea.Maxillary : OralCavityArea.Mandibular;
}
