namespace DentalClaimsHub.Api.X12;

/// <summary>Settings under <c>Hub:X12</c>.</summary>
public sealed class X12Options
{
    /// <summary>How many control numbers an instance reserves per database round trip (1 = one trip per number).</summary>
    public int ControlNumberBlockSize { get; set; } = 50;
}
