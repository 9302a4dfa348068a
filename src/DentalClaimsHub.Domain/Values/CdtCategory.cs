namespace DentalClaimsHub.Domain.Values;

/// <summary>The categories of service the CDT code ranges define.</summary>
public enum CdtCategory
{
    Unknown = 0,
    Diagnostic,
    Preventive,
    Restorative,
    Endodontics,
    Periodontics,
    ProsthodonticsRemovable,
    MaxillofacialProsthetics,
    Implants,
    ProsthodonticsFixed,
    OralSurgery,
    Orthodontics,
    Adjunctive,
}

/// <summary>Maps CDT code numbers to their category ranges.</summary>
public static class CdtCategories
{
    /// <summary>The category of a CDT number (the four digits after "D").</summary>
    public static CdtCategory Of(int number) => number switch
    {
        >= 100 and <= 999 => CdtCategory.Diagnostic,
        >= 1000 and <= 1999 => CdtCategory.Preventive,
        >= 2000 and <= 2999 => CdtCategory.Restorative,
        >= 3000 and <= 3999 => CdtCategory.Endodontics,
        >= 4000 and <= 4999 => CdtCategory.Periodontics,
        >= 5000 and <= 5899 => CdtCategory.ProsthodonticsRemovable,
        >= 5900 and <= 5999 => CdtCategory.MaxillofacialProsthetics,
        >= 6000 and <= 6199 => CdtCategory.Implants,
        >= 6200 and <= 6999 => CdtCategory.ProsthodonticsFixed,
        >= 7000 and <= 7999 => CdtCategory.OralSurgery,
        >= 8000 and <= 8999 => CdtCategory.Orthodontics,
        >= 9000 and <= 9999 => CdtCategory.Adjunctive,
        _ => CdtCategory.Unknown,
    };
}
