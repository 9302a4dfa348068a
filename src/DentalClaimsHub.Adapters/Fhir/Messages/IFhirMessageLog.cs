namespace DentalClaimsHub.Adapters.Fhir.Messages;

/// <summary>
/// Keeps the FHIR exchanges adapters make with payers, raw, so any result can be traced to its bytes. The host implements
/// it over its message store per unit of work: a recorded message is written in the same transaction as the outcome it led
/// to, so neither is stored without the other.
/// </summary>
public interface IFhirMessageLog
{
    /// <summary>Adds <paramref name="message"/> to the current unit of work and returns the id it is stored under.</summary>
    Guid Record(FhirMessageRecord message);
}
