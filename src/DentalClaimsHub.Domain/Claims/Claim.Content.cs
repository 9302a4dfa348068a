using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

// Editing the claim's content; allowed only while the claim is a draft.
public sealed partial class Claim
{
    /// <summary>Adds a line at the end; throws past <see cref="MaxLines"/> or when the fee is in another currency.</summary>
    public ClaimLine AddLine(ClaimLineDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureEditable();
        if (_lines.Count >= MaxLines)
        {
            throw new DomainException($"A dental claim holds at most {MaxLines} lines.", nameof(Lines))
            {
                Rule = ClaimChangeRules.LineLimit, Args = [Invariant(MaxLines)],
            };
        }

        EnsureCurrency(details.Fee);
        var line = ClaimLine.Create(Id, _lines.Count + 1, details);
        _lines.Add(line);
        Touch(now);
        return line;
    }

    /// <summary>Replaces line <paramref name="lineNumber"/> (1-based) keeping its position.</summary>
    public ClaimLine ReplaceLine(int lineNumber, ClaimLineDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureEditable();
        var index = IndexOfLine(lineNumber);
        EnsureCurrency(details.Fee);
        var line = ClaimLine.Create(Id, lineNumber, details);
        _lines[index] = line;
        Touch(now);
        return line;
    }

    /// <summary>Removes a line and renumbers the ones after it.</summary>
    public void RemoveLine(int lineNumber, DateTimeOffset now)
    {
        EnsureEditable();
        _lines.RemoveAt(IndexOfLine(lineNumber));
        for (var i = 0; i < _lines.Count; i++)
        {
            _lines[i].LineNumber = i + 1;
        }

        Touch(now);
    }

    /// <summary>Replaces the diagnoses (pointer order); duplicates are rejected, at most <see cref="MaxDiagnoses"/>.</summary>
    public void SetDiagnoses(IEnumerable<Icd10Code> diagnoses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(diagnoses);
        EnsureEditable();
        var list = diagnoses.ToList();
        if (list.Count > MaxDiagnoses)
        {
            throw new DomainException($"A dental claim carries at most {MaxDiagnoses} diagnoses, got {list.Count}.", nameof(Diagnoses))
            {
                Rule = ClaimRules.TooManyDiagnoses, Args = [Invariant(MaxDiagnoses), Invariant(list.Count)],
            };
        }

        if (list.Distinct().Count() != list.Count)
        {
            throw new DomainException("Diagnoses must not repeat.", nameof(Diagnoses)) { Rule = ClaimChangeRules.DiagnosesRepeat };
        }

        _diagnoses.Clear();
        _diagnoses.AddRange(list);
        Touch(now);
    }

    public void AddAttachment(ClaimAttachment attachment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        EnsureEditable();
        if (_attachments.Any(a => a.ControlNumber == attachment.ControlNumber))
        {
            throw new DomainException($"An attachment with control number '{attachment.ControlNumber}' is already on the claim.", nameof(Attachments))
            {
                Rule = ClaimChangeRules.AttachmentExists, Args = [attachment.ControlNumber],
            };
        }

        _attachments.Add(attachment);
        Touch(now);
    }

    /// <summary>
    /// Attaches the document for <paramref name="attachment"/>'s control number. A document the claim already declared
    /// (its PWK went out with that control number) may arrive at any time and replaces the declaration's file details;
    /// a new one is added only while the claim is a draft, because a sent claim cannot grow a PWK.
    /// </summary>
    public void AttachDocument(ClaimAttachment attachment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var declared = _attachments.FindIndex(a => a.ControlNumber == attachment.ControlNumber);
        if (declared < 0)
        {
            if (!ClaimTransitions.IsEditable(State))
            {
                throw new DomainException(
                    $"Claim {PatientControlNumber} is {State} and declares no attachment '{attachment.ControlNumber}'; a sent claim cannot get a new PWK. "
                    + "Send the document under a control number the claim declared, or correct the claim.", nameof(Attachments))
                {
                    Rule = ClaimChangeRules.AttachmentNotDeclared, Args = [PatientControlNumber, State.ToString(), attachment.ControlNumber],
                };
            }

            _attachments.Add(attachment);
        }
        else
        {
            var existing = _attachments[declared];
            _attachments[declared] = new ClaimAttachment(existing.ReportType, existing.Transmission, existing.ControlNumber, attachment.ContentType,
                attachment.SizeBytes, attachment.StorageKey, attachment.FileName ?? existing.FileName);
        }

        Touch(now);
    }

    /// <summary>Replaces the reported missing / to-be-extracted teeth; a tooth may appear once.</summary>
    public void SetMissingTeeth(IEnumerable<MissingTooth> teeth, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(teeth);
        EnsureEditable();
        var list = teeth.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list.Skip(i + 1).Any(t => t.Tooth.IsSameTooth(list[i].Tooth)))
            {
                throw new DomainException($"Tooth {list[i].Tooth} is reported more than once.", nameof(MissingTeeth));
            }
        }

        _missingTeeth.Clear();
        _missingTeeth.AddRange(list);
        Touch(now);
    }

    public void SetOrthodontics(OrthodonticInfo? orthodontics, DateTimeOffset now) => Edit(now, () => Orthodontics = orthodontics);

    public void SetAccident(AccidentInfo? accident, DateTimeOffset now) => Edit(now, () => Accident = accident);

    public void SetNote(string? note, DateTimeOffset now) => Edit(now, () => Note = Guard.Optional(note, nameof(Note), 80));

    /// <summary>
    /// Records what the patient has paid toward the claim (null or zero: nothing). It is in the claim currency, with at most
    /// two decimals, and never negative; that it does not exceed the total is a rule, since lines may still change.
    /// </summary>
    public void SetPatientPaid(Money? paid, DateTimeOffset now) => Edit(now, () =>
    {
        if (paid is { } money && (money.Currency != Currency || money.IsNegative || Money.RoundAmount(money.Amount) != money.Amount))
        {
            throw new DomainException(
                $"The patient paid {money}: it must be a non-negative {Currency} amount with at most two decimals.", nameof(PatientPaid));
        }

        PatientPaidAmount = paid is { IsZero: false } nonZero ? nonZero.Amount : null;
    });

    /// <summary>Sets the claim-level prior authorisation and predetermination numbers (blank clears).</summary>
    public void SetAuthorizations(string? priorAuthorizationNumber, string? predeterminationNumber, DateTimeOffset now) => Edit(now, () =>
    {
        PriorAuthorizationNumber = Guard.Optional(priorAuthorizationNumber, nameof(PriorAuthorizationNumber), 50);
        PredeterminationNumber = Guard.Optional(predeterminationNumber, nameof(PredeterminationNumber), 50);
    });

    /// <summary>Names the treating dentist (null: the billing practice rendered the services).</summary>
    public void SetRenderingProvider(ProviderIdentity? provider, DateTimeOffset now) => Edit(now, () => RenderingProvider = provider);

    /// <summary>Names the patient's other coverage for coordination of benefits (null clears); it cannot be the billed one.</summary>
    public void SetSecondaryCoverage(Guid? coverageId, DateTimeOffset now) => Edit(now, () =>
    {
        if (coverageId == CoverageId || coverageId == Guid.Empty)
        {
            throw new DomainException("The other coverage must be a different coverage than the one billed.", nameof(SecondaryCoverageId));
        }

        SecondaryCoverageId = coverageId;
    });

    private void Edit(DateTimeOffset now, Action change)
    {
        EnsureEditable();
        change();
        Touch(now);
    }

    private void EnsureEditable()
    {
        if (!ClaimTransitions.IsEditable(State))
        {
            throw new DomainException($"Claim {PatientControlNumber} is {State}; only a draft can be edited.")
            {
                Rule = ClaimChangeRules.NotEditable, Args = [PatientControlNumber, State.ToString()],
            };
        }
    }

    private void EnsureCurrency(Money fee)
    {
        if (fee.Currency != Currency)
        {
            throw new DomainException($"Fee {fee} is not in the claim currency {Currency}.", nameof(ClaimLineDetails.Fee))
            {
                Rule = ClaimChangeRules.FeeCurrency, Args = [fee.Currency, Currency],
            };
        }
    }

    private int IndexOfLine(int lineNumber) =>
        lineNumber >= 1 && lineNumber <= _lines.Count
            ? lineNumber - 1
            : throw new DomainException($"Claim has no line {lineNumber}.", nameof(lineNumber)) { Rule = ClaimChangeRules.NoLine, Args = [Invariant(lineNumber)] };

    private void Touch(DateTimeOffset now) => UpdatedAt = Guard.Utc(now);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
