namespace DentalClaimsHub.Domain.Claims;

/// <summary>Orthodontic treatment data (X12 DN1 months, DTP*452 appliance placed).</summary>
public sealed record OrthodonticInfo
{
    public OrthodonticInfo(int totalMonths, int remainingMonths, DateOnly? appliancePlacedOn)
    {
        if (totalMonths is < 1 or > 120)
        {
            throw new DomainException($"Total orthodontic months must be 1–120, got {totalMonths}.", nameof(totalMonths));
        }

        if (remainingMonths < 0 || remainingMonths > totalMonths)
        {
            throw new DomainException(
                $"Remaining orthodontic months must be 0–{totalMonths}, got {remainingMonths}.", nameof(remainingMonths));
        }

        TotalMonths = totalMonths;
        RemainingMonths = remainingMonths;
        AppliancePlacedOn = appliancePlacedOn;
    }

    public int TotalMonths { get; }

    public int RemainingMonths { get; }

    public DateOnly? AppliancePlacedOn { get; }
}
