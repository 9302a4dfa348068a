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

    /// <summary>Marks this claim Voided and returns the draft void claim (frequency 8) that cancels it at the payer.</summary>
    public Claim CreateVoid(string actor, DateTimeOffset now, string? reason = null) =>
        FollowUp(ClaimState.Voided, ClaimFrequency.Void, actor, now, reason);

    private Claim FollowUp(ClaimState mark, ClaimFrequency frequency, string actor, DateTimeOffset now, string? reason)
    {
        EnsureAllowed(mark);
        if (PayerClaimNumber is null)
        {
            throw new DomainException(
                $"Claim {PatientControlNumber} has no payer claim number yet; a {frequency} must reference it (REF*F8).");
        }

        var copy = Create(PracticeId, PatientId, CoverageId, PayerId, Currency, actor, now,
            renderingProvider: RenderingProvider, placeOfService: PlaceOfService);
        copy.Frequency = frequency;
        copy.OriginalClaimId = Id;
        copy.OriginalPayerClaimNumber = PayerClaimNumber;
        copy.SecondaryCoverageId = SecondaryCoverageId;
        copy.Orthodontics = Orthodontics;
        copy.Accident = Accident;
        copy.Note = Note;
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

        Move(mark, actor, now, reason ?? $"{frequency} claim {copy.PatientControlNumber}", null);
        return copy;
    }
}
