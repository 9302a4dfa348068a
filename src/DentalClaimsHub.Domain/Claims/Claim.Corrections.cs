namespace DentalClaimsHub.Domain.Claims;

// Replacement (frequency 7) and void (frequency 8): the original is marked, and a new draft claim carries the change.
public sealed partial class Claim
{
    /// <summary>
    /// Marks this claim Corrected and returns a new draft replacement claim (frequency 7) with a copy of its content and
    /// a reference to the payer's claim number, ready to be edited and sent.
    /// </summary>
    public Claim CreateReplacement(string actor, DateTimeOffset now, string? reason = null) =>
        FollowUp(ClaimState.Corrected, ClaimFrequency.Replacement, actor, now, reason);

    /// <summary>
    /// Marks this claim Corrected and turns <paramref name="corrected"/> — a new draft with the fixed content, for the same
    /// patient, coverage and payer — into its replacement (frequency 7, REF*F8 = this claim's payer claim number).
    /// </summary>
    public void ReplaceWith(Claim corrected, string actor, DateTimeOffset now, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        RequireClaimPurpose();
        EnsureAllowed(ClaimState.Corrected);
        RequirePayerClaimNumber(ClaimFrequency.Replacement);
        if (corrected.State != ClaimState.Draft || corrected.Frequency != ClaimFrequency.Original || corrected.Id == Id)
        {
            throw new DomainException("The corrected claim must be a new draft.", nameof(corrected));
        }

        if (corrected.PracticeId != PracticeId || corrected.PatientId != PatientId || corrected.CoverageId != CoverageId
            || corrected.PayerId != PayerId)
        {
            throw new DomainException(
                "A replacement is for the same patient, coverage and payer as the claim it replaces; for another one void this claim and submit a new one.",
                nameof(CoverageId));
        }

        corrected.Frequency = ClaimFrequency.Replacement;
        corrected.OriginalClaimId = Id;
        corrected.OriginalPayerClaimNumber = PayerClaimNumber;
        Move(ClaimState.Corrected, actor, now, reason is not null ? reason
            : new TimelineReason($"{ClaimFrequency.Replacement} claim {corrected.PatientControlNumber}", TimelineReasonCodes.FollowUp, [nameof(ClaimFrequency.Replacement), corrected.PatientControlNumber]), null);
    }

    /// <summary>Marks this claim Voided and returns the draft void claim (frequency 8) that cancels it at the payer.</summary>
    public Claim CreateVoid(string actor, DateTimeOffset now, string? reason = null) =>
        FollowUp(ClaimState.Voided, ClaimFrequency.Void, actor, now, reason);

    private Claim FollowUp(ClaimState mark, ClaimFrequency frequency, string actor, DateTimeOffset now, string? reason)
    {
        RequireClaimPurpose();
        EnsureAllowed(mark);
        RequirePayerClaimNumber(frequency);

        var copy = Create(PracticeId, PatientId, CoverageId, PayerId, Currency, actor, now,
            renderingProvider: RenderingProvider, placeOfService: PlaceOfService);
        copy.Frequency = frequency;
        copy.OriginalClaimId = Id;
        copy.OriginalPayerClaimNumber = PayerClaimNumber;
        copy.SecondaryCoverageId = SecondaryCoverageId;
        copy.Orthodontics = Orthodontics;
        copy.Accident = Accident;
        copy.Note = Note;
        copy.PatientPaidAmount = PatientPaidAmount;
        copy.PriorAuthorizationNumber = PriorAuthorizationNumber;
        copy.PredeterminationNumber = PredeterminationNumber;
        copy._diagnoses.AddRange(_diagnoses);
        copy._attachments.AddRange(_attachments);
        copy._missingTeeth.AddRange(_missingTeeth);
        foreach (var line in _lines)
        {
            // New line control numbers: the 835 for the follow-up must not match lines of the original.
            copy._lines.Add(ClaimLine.Create(copy.Id, line.LineNumber, line.ToDetails() with { LineControlNumber = null }));
        }

        Move(mark, actor, now, reason is not null ? reason
            : new TimelineReason($"{frequency} claim {copy.PatientControlNumber}", TimelineReasonCodes.FollowUp, [frequency.ToString(), copy.PatientControlNumber]), null);
        return copy;
    }

    private void RequireClaimPurpose()
    {
        if (Purpose != ClaimPurpose.Claim)
        {
            throw new DomainException("A predetermination is not replaced or voided; send a new treatment plan.") { Rule = ClaimChangeRules.PlanNotFollowedUp };
        }
    }

    private void RequirePayerClaimNumber(ClaimFrequency frequency)
    {
        if (PayerClaimNumber is null)
        {
            throw new DomainException(
                $"Claim {PatientControlNumber} has no payer claim number yet; a {frequency} must reference it (REF*F8). "
                + "A claim the payer never accepted is fixed and sent again as an original.")
            {
                Rule = ClaimChangeRules.FollowUpNeedsPayerNumber, Args = [PatientControlNumber, frequency.ToString()],
            };
        }
    }
}
