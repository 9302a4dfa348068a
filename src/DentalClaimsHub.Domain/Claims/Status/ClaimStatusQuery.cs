using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>
/// What the hub asks a payer about one claim it sent: the identifiers the payer knows it by (our patient control number,
/// its own claim number once it gave one), the charge and dates of service, the billing provider and the people on the
/// coverage. One query becomes one X12 276 claim status tracking loop.
/// </summary>
public sealed partial record ClaimStatusQuery
{
    /// <summary>Upper bound of CLM01 and of the patient control number echoed in REF*EJ.</summary>
    public const int MaxPatientControlNumberLength = 20;

    public ClaimStatusQuery(
        Guid claimId,
        string patientControlNumber,
        decimal totalCharge,
        DateOnly serviceFrom,
        DateOnly serviceTo,
        ClaimStatusProvider billingProvider,
        ClaimStatusPerson subscriber,
        ClaimStatusPerson? patient = null,
        string? payerClaimNumber = null)
    {
        if (claimId == Guid.Empty)
        {
            throw new DomainException("A claim status query needs the claim's id.", nameof(claimId));
        }

        ClaimId = claimId;
        PatientControlNumber = Guard.Required(patientControlNumber, nameof(PatientControlNumber), MaxPatientControlNumberLength);
        if (totalCharge < 0m)
        {
            throw new DomainException("The claim's total charge cannot be negative.", nameof(totalCharge));
        }

        if (serviceTo < serviceFrom)
        {
            throw new DomainException("The last date of service comes before the first.", nameof(serviceTo));
        }

        TotalCharge = totalCharge;
        ServiceFrom = serviceFrom;
        ServiceTo = serviceTo;
        BillingProvider = billingProvider ?? throw new ArgumentNullException(nameof(billingProvider));
        Subscriber = subscriber ?? throw new ArgumentNullException(nameof(subscriber));
        if (string.IsNullOrWhiteSpace(subscriber.MemberId))
        {
            // Not the value itself: member ids are PHI.
            throw new DomainException("The subscriber needs a member id to ask about a claim.", nameof(subscriber));
        }

        Patient = patient;
        PayerClaimNumber = Guard.Optional(payerClaimNumber, nameof(PayerClaimNumber), 50);
    }

    /// <summary>The hub's claim.</summary>
    public Guid ClaimId { get; }

    /// <summary>CLM01 as sent in the 837 (the payer echoes it in REF*EJ).</summary>
    public string PatientControlNumber { get; }

    /// <summary>The payer's claim number (REF*1K) when a 277CA or an earlier 277 gave one.</summary>
    public string? PayerClaimNumber { get; }

    /// <summary>CLM02 as sent, in the claim's currency.</summary>
    public decimal TotalCharge { get; }

    public DateOnly ServiceFrom { get; }

    public DateOnly ServiceTo { get; }

    public ClaimStatusProvider BillingProvider { get; }

    /// <summary>The insured person, with the member id the payer knows.</summary>
    public ClaimStatusPerson Subscriber { get; }

    /// <summary>The patient when not the subscriber (a dependent), else null.</summary>
    public ClaimStatusPerson? Patient { get; }

    /// <summary>True when the patient is someone other than the subscriber (X12: a 2000E dependent level).</summary>
    public bool PatientIsDependent => Patient is not null;

    /// <summary>
    /// The trace both sides echo (X12 TRN02): the claim id unless the caller sets another, so a 277 is matched to its query.
    /// </summary>
    public string TraceNumber
    {
        get => field ?? ClaimId.ToString("N").ToUpperInvariant();
        init => field = Guard.Optional(value, nameof(TraceNumber), 50);
    }
}

/// <summary>The billing provider a payer files the claim under: NPI and tax id as in the 837's 2010AA.</summary>
public sealed record ClaimStatusProvider
{
    public ClaimStatusProvider(string name, Npi? npi, string? taxId = null)
    {
        Name = Guard.Required(name, nameof(Name), 60);
        Npi = npi;
        TaxId = taxId is null ? null : Values.TaxId.Normalise(taxId);
        if (npi is null && TaxId is null)
        {
            throw new DomainException("The billing provider needs an NPI or a tax id.", nameof(npi));
        }
    }

    public string Name { get; }

    public Npi? Npi { get; }

    /// <summary>Nine digits (EIN), when known.</summary>
    public string? TaxId { get; }
}

/// <summary>A subscriber or patient as a payer identifies them; <see cref="MemberId"/> is needed for the subscriber.</summary>
public sealed record ClaimStatusPerson(PersonName Name, DateOnly? BirthDate = null, Sex? Sex = null, string? MemberId = null);
