using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;

namespace DentalClaimsHub.Domain.Claims.Status;

public sealed partial record ClaimStatusQuery
{
    /// <summary>
    /// The query for a claim as it was sent: CLM01, the payer's number when known, the total, the first and last line
    /// dates, the practice as billing provider, and the subscriber (with the patient when a dependent), as the 837 named them.
    /// </summary>
    /// <exception cref="DomainException">
    /// The claim has no dates of service (a predetermination), or the practice has neither an NPI nor a tax id.
    /// </exception>
    public static ClaimStatusQuery For(Claim claim, Practice practice, Patient patient, Coverage coverage)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(coverage);
        var dates = claim.Lines.Select(l => l.ServiceDate).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            throw new DomainException("A claim status inquiry needs dates of service; this claim has none.", nameof(claim));
        }

        var provider = new ClaimStatusProvider(practice.Name, practice.Npi, practice.TaxId);
        var self = new ClaimStatusPerson(patient.Name, patient.BirthDate, patient.Sex);
        var dependent = coverage.Relationship != SubscriberRelationship.Self && coverage.Subscriber is not null;
        var subscriber = dependent
            ? new ClaimStatusPerson(coverage.Subscriber!.Name, coverage.Subscriber.BirthDate, coverage.Subscriber.Sex,
                coverage.Subscriber.MemberId)
            : self with { MemberId = coverage.MemberId };
        return new ClaimStatusQuery(claim.Id, claim.PatientControlNumber, claim.Total.Amount, dates.Min(), dates.Max(), provider,
            subscriber, dependent ? self : null, claim.PayerClaimNumber);
    }
}
