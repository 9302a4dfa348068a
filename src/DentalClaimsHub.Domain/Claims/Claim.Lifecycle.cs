namespace DentalClaimsHub.Domain.Claims;

// The state machine: every change goes through Move, which checks ClaimTransitions and appends to the timeline.
public sealed partial class Claim
{
    /// <summary>True when the lifecycle allows moving from the current state to <paramref name="to"/>.</summary>
    public bool CanTransitionTo(ClaimState to) => ClaimTransitions.IsAllowed(State, to);

    /// <summary>
    /// Moves the claim to <paramref name="to"/>. Validation still runs the rules; Corrected and Voided must go through
    /// <see cref="CreateReplacement"/> and <see cref="CreateVoid"/> because they create the follow-up claim.
    /// </summary>
    public void TransitionTo(ClaimState to, string actor, DateTimeOffset now, TimelineReason? reason = null, Guid? rawMessageId = null)
    {
        switch (to)
        {
            case ClaimState.Validated:
                Validate(actor, now, DateOnly.FromDateTime(now.DateTime));
                return;
            case ClaimState.Corrected or ClaimState.Voided:
                throw new DomainException($"Use {(to == ClaimState.Corrected ? nameof(CreateReplacement) : nameof(CreateVoid))} to mark a claim {to}.");
            default:
                Move(to, actor, now, reason, rawMessageId);
                return;
        }
    }

    /// <summary>Checks the rules as of <paramref name="today"/> and moves to Validated; throws <see cref="ClaimRulesException"/> listing every violation.</summary>
    public void Validate(string actor, DateTimeOffset now, DateOnly today)
    {
        EnsureAllowed(ClaimState.Validated);
        var problems = CheckRules(today);
        if (problems.Count > 0)
        {
            throw new ClaimRulesException(problems);
        }

        Move(ClaimState.Validated, actor, now, null, null);
    }

    /// <summary>Puts the claim in the outbox for its payer.</summary>
    public void Queue(string actor, DateTimeOffset now) => Move(ClaimState.Queued, actor, now, null, null);

    /// <summary>Records hand-over to the payer, with the stored outbound message.</summary>
    public void MarkSubmitted(string actor, DateTimeOffset now, Guid? rawMessageId = null) =>
        Move(ClaimState.Submitted, actor, now, null, rawMessageId);

    /// <summary>The interchange was accepted (999 / TA1).</summary>
    public void Acknowledge(string actor, DateTimeOffset now, Guid? rawMessageId = null) =>
        Move(ClaimState.Acknowledged, actor, now, null, rawMessageId);

    /// <summary>The payer took the claim into adjudication; keeps its claim number when it sends one.</summary>
    public void Accept(string actor, DateTimeOffset now, string? payerClaimNumber = null, Guid? rawMessageId = null)
    {
        EnsureAllowed(ClaimState.Accepted);
        SetPayerClaimNumber(payerClaimNumber);
        Move(ClaimState.Accepted, actor, now, null, rawMessageId);
    }

    /// <summary>
    /// A later answer of the payer (a 277, an 835, a FHIR ClaimResponse) implies acceptance when its 277CA never came: a
    /// Submitted or Acknowledged claim becomes Accepted, keeping the payer claim number it already has. True when it moved.
    /// </summary>
    public bool AcceptImplied(string actor, DateTimeOffset now, string? payerClaimNumber = null, Guid? rawMessageId = null)
    {
        if (State is not (ClaimState.Submitted or ClaimState.Acknowledged))
        {
            return false;
        }

        Accept(actor, now, PayerClaimNumber is null ? payerClaimNumber : null, rawMessageId);
        return true;
    }

    /// <summary>The payer or an acknowledgement rejected the claim; the reason is required.</summary>
    public void Reject(string actor, DateTimeOffset now, TimelineReason reason, Guid? rawMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Guard.Required(reason.Text, nameof(reason), 2000);
        Move(ClaimState.Rejected, actor, now, reason, rawMessageId);
    }

    /// <summary>The payer reports the claim pending adjudication (277).</summary>
    public void MarkPending(string actor, DateTimeOffset now, TimelineReason? reason = null, Guid? rawMessageId = null) =>
        Move(ClaimState.Pending, actor, now, reason, rawMessageId);

    /// <summary>Records the adjudication outcome of a remittance: Paid, PartiallyPaid or Denied.</summary>
    public void RecordAdjudication(
        ClaimState outcome, string actor, DateTimeOffset now, string? payerClaimNumber = null, TimelineReason? reason = null, Guid? rawMessageId = null)
    {
        if (outcome is not (ClaimState.Paid or ClaimState.PartiallyPaid or ClaimState.Denied))
        {
            throw new DomainException($"An adjudication outcome is Paid, PartiallyPaid or Denied, not {outcome}.", nameof(outcome));
        }

        EnsureAllowed(outcome);
        SetPayerClaimNumber(payerClaimNumber);
        Move(outcome, actor, now, reason, rawMessageId);
    }

    /// <summary>Ends the claim's life.</summary>
    public void Close(string actor, DateTimeOffset now, TimelineReason? reason = null) => Move(ClaimState.Closed, actor, now, reason, null);

    /// <summary>Brings a validated, queued or rejected claim back to Draft so it can be fixed.</summary>
    public void ReturnToDraft(string actor, DateTimeOffset now, TimelineReason? reason = null) => Move(ClaimState.Draft, actor, now, reason, null);

    private void Move(ClaimState to, string actor, DateTimeOffset now, TimelineReason? reason, Guid? rawMessageId)
    {
        EnsureAllowed(to);
        Append(State, to, actor, now, reason, rawMessageId);
        State = to;
        Touch(now);
    }

    private void EnsureAllowed(ClaimState to)
    {
        if (!ClaimTransitions.IsAllowed(State, to))
        {
            throw new InvalidClaimTransitionException(State, to);
        }
    }

    private void Append(ClaimState? from, ClaimState to, string actor, DateTimeOffset now, TimelineReason? reason, Guid? rawMessageId)
    {
        TimelineLength++;
        _timeline.Add(new ClaimTimelineEntry(Id, TimelineLength, from, to, now, actor, reason, rawMessageId));
    }

    private void SetPayerClaimNumber(string? payerClaimNumber)
    {
        var number = Guard.Optional(payerClaimNumber, nameof(PayerClaimNumber), 50);
        if (number is null)
        {
            return;
        }

        // The payer's number identifies the claim for corrections; a different one later means a mix-up, not an update.
        if (PayerClaimNumber is not null && PayerClaimNumber != number)
        {
            throw new DomainException(
                $"Claim {PatientControlNumber} already has payer claim number {PayerClaimNumber}; got {number}.", nameof(PayerClaimNumber));
        }

        PayerClaimNumber = number;
    }
}
