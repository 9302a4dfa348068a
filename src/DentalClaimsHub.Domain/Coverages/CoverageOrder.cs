namespace DentalClaimsHub.Domain.Coverages;

/// <summary>Coordination-of-benefits order (X12 SBR01 P/S/T).</summary>
public enum CoverageOrder
{
    Primary = 1,
    Secondary = 2,
    Tertiary = 3,
}
