namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>The shapes a ДМС insurer's file comes in.</summary>
public enum DmsFileFormat
{
    Csv = 1,
    Xlsx = 2,
    Xls = 3,
    Xml = 4,
}
