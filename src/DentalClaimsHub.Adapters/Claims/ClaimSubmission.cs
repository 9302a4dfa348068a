using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// Everything a protocol adapter needs to send one claim (or one treatment plan) to one payer: the canonical claim and
/// the parties it names, loaded once by the submitter so the 837D, FHIR and ДМС builders stay pure functions of it.
/// </summary>
/// <param name="Claim">The claim, with lines, diagnoses, attachments and its frequency (original, replacement, void).</param>
/// <param name="Practice">The billing provider (837D 2010AA; FHIR <c>Claim.provider</c>; the clinic in a ДМС registry).</param>
/// <param name="Patient">The patient treated.</param>
/// <param name="Coverage">The coverage billed; its <see cref="Coverage.Subscriber"/> is set when the patient is a dependent.</param>
/// <param name="Payer">The payer's profile: identifiers, delimiters and options.</param>
public sealed record ClaimSubmission(Claim Claim, Practice Practice, Patient Patient, Coverage Coverage, PayerProfile Payer)
{
    /// <summary>
    /// True for a pre-treatment estimate: the 837D carries CLM19 = PB and no service dates, the FHIR Claim has
    /// <c>use = predetermination</c>, a ДМС insurer gets a guarantee-letter request.
    /// </summary>
    public bool Predetermination { get; init; }

    /// <summary>The patient's other coverage for coordination of benefits (837D 2320/2330), when the claim names one.</summary>
    public OtherCoverage? Other { get; init; }

    /// <summary>The billing provider as an organisation identified by the practice's NPI.</summary>
    public ProviderIdentity BillingProvider => ProviderIdentity.Of(Practice);

    /// <summary>True when the patient is not the subscriber (837D 2000C/2010CA; FHIR Coverage.subscriber differs from beneficiary).</summary>
    public bool PatientIsDependent => Coverage.Relationship != SubscriberRelationship.Self && Coverage.Subscriber is not null;
}

/// <summary>The patient's other coverage, and what its payer already did when this claim is the secondary one.</summary>
/// <param name="Coverage">The other coverage (member id, group, subscriber).</param>
/// <param name="PayerName">The other payer's name (2330B NM103).</param>
/// <param name="PayerIdentifier">The other payer's id (2330B NM109, qualifier PI).</param>
/// <param name="ResponsibilityIsPrimary">
/// True when the other payer is the primary one, i.e. the claim at hand is the secondary claim (2320 SBR01 = P).
/// </param>
/// <param name="PaidAmount">What the other payer paid (2320 AMT*D), when the claim at hand is the secondary claim.</param>
public sealed record OtherCoverage(
    Coverage Coverage, string PayerName, string PayerIdentifier, bool ResponsibilityIsPrimary, Money? PaidAmount = null);

/// <summary>Which profile route carries a claim of a given purpose.</summary>
public static class ClaimRouting
{
    /// <summary>
    /// Claims go on the payer's <c>claims</c> route; a treatment plan on its <c>estimates</c> route (837D PB, FHIR
    /// predetermination), else its <c>preauthorizations</c> route (ДМС guarantee letters).
    /// </summary>
    public static CapabilityRoute? RouteFor(this PayerProfile payer, ClaimPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(payer);
        return purpose == ClaimPurpose.Claim
            ? payer.RouteFor(PayerCapability.Claims)
            : payer.RouteFor(PayerCapability.Estimates) ?? payer.RouteFor(PayerCapability.Preauthorizations);
    }
}
