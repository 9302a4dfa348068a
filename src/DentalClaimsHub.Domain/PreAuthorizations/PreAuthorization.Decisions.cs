using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.PreAuthorizations;

// The payer's answers: decisions per line, requests for information, annulment; and whether an approval is usable.
public sealed partial class PreAuthorization
{
    /// <summary>
    /// Records the payer's decision. Every line must be decided; the overall status follows: all approved (or
    /// modified) → Approved, all denied → Denied, otherwise PartiallyApproved.
    /// </summary>
    public void RecordDecision(
        IReadOnlyCollection<LineDecisionInput> decisions,
        DateTimeOffset now,
        string? referenceNumber = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        Money? limit = null,
        string? payerNote = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        Expect(PreAuthorizationStatus.Submitted, PreAuthorizationStatus.InformationRequested);
        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw new DomainException($"Validity ends {to:yyyy-MM-dd} before it starts {from:yyyy-MM-dd}.", nameof(validTo));
        }

        var byLine = decisions.ToDictionary(d => d.LineNumber);
        var missing = _lines.Where(l => !byLine.ContainsKey(l.LineNumber)).Select(l => l.LineNumber).ToList();
        var unknown = byLine.Keys.Where(n => n < 1 || n > _lines.Count).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new DomainException(
                $"Decisions must cover lines 1–{_lines.Count} exactly; missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].",
                nameof(decisions));
        }

        var decided = _lines.Select(l => l.Decide(byLine[l.LineNumber].Decision, byLine[l.LineNumber].ApprovedAmount, byLine[l.LineNumber].Note)).ToList();
        _lines.Clear();
        _lines.AddRange(decided);
        ReferenceNumber = Guard.Optional(referenceNumber, nameof(ReferenceNumber), 50) ?? ReferenceNumber;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Limit = limit;
        PayerNote = Guard.Optional(payerNote, nameof(PayerNote), 2000);
        Status = decided.All(l => l.Decision == LineDecision.Denied) ? PreAuthorizationStatus.Denied
            : decided.All(l => l.Decision is LineDecision.Approved or LineDecision.Modified) ? PreAuthorizationStatus.Approved
            : PreAuthorizationStatus.PartiallyApproved;
        DecidedAt = Guard.Utc(now);
        UpdatedAt = DecidedAt.Value;
    }

    /// <summary>The payer asks for more information; the plan may be amended and sent again.</summary>
    public void RequestInformation(string note, DateTimeOffset now)
    {
        Expect(PreAuthorizationStatus.Submitted);
        PayerNote = Guard.Required(note, nameof(PayerNote), 2000);
        Status = PreAuthorizationStatus.InformationRequested;
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>Withdraws the request or records the payer's annulment.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status == PreAuthorizationStatus.Cancelled)
        {
            throw new DomainException("The pre-authorisation is already cancelled.");
        }

        PayerNote = Guard.Required(reason, nameof(PayerNote), 2000);
        Status = PreAuthorizationStatus.Cancelled;
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>True when an approval exists and <paramref name="date"/> lies in its validity period.</summary>
    public bool IsValidOn(DateOnly date) =>
        Status is PreAuthorizationStatus.Approved or PreAuthorizationStatus.PartiallyApproved
        && (ValidFrom is not { } from || date >= from)
        && (ValidTo is not { } to || date <= to);

    private void Expect(params PreAuthorizationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException($"Pre-authorisation is {Status}; expected {string.Join(" or ", allowed)}.");
        }
    }
}
