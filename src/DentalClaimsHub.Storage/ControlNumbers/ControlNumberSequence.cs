namespace DentalClaimsHub.Storage.ControlNumbers;

/// <summary>
/// The last control number issued to one trading partner for one envelope level (ISA, GS or ST).
/// Incremented atomically in PostgreSQL so several hub instances never issue the same number.
/// </summary>
public sealed class ControlNumberSequence
{
    private ControlNumberSequence()
    {
    }

    public string TradingPartner { get; private set; } = "";

    /// <summary>ISA, GS or ST.</summary>
    public string Scope { get; private set; } = "";

    public long LastValue { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
