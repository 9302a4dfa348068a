namespace DentalClaimsHub.Storage.ControlNumbers;

/// <summary><paramref name="Count"/> consecutive control numbers starting at <paramref name="First"/>, reserved for one caller.</summary>
public readonly record struct ControlNumberBlock(long First, int Count)
{
    public long Last => First + Count - 1;
}
