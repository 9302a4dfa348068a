namespace DentalClaimsHub.Adapters.X12.ControlNumbers;

/// <summary>
/// Issues X12 control numbers that are unique per trading partner and envelope level across every hub instance
/// (the host implements it over the database). Scopes are <c>ISA</c>, <c>GS</c> and <c>ST</c>.
/// </summary>
public interface IControlNumberAllocator
{
    /// <summary>Returns the next control number of <paramref name="scope"/> for <paramref name="tradingPartner"/>.</summary>
    Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken);
}
