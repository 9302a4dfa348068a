using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>What reading a 271 produced: a canonical result, or the reasons there is none, plus notes on skipped data.</summary>
/// <param name="Result">The canonical result; null when the 271 could not be understood.</param>
/// <param name="Issues">Problems found, in plain English (errors when <see cref="Result"/> is null, notes otherwise).</param>
public sealed record Eligibility271Report(EligibilityResult? Result, IReadOnlyList<string> Issues)
{
    /// <summary>True when a canonical result was produced.</summary>
    public bool Succeeded => Result is not null;

    /// <summary>The trace number the payer echoed (TRN02 of the patient's level): our check's trace, to match the answer.</summary>
    public string? TraceNumber { get; init; }

    /// <summary>The 271 interchange's identifiers (ISA/GS/ST), when it could be read that far.</summary>
    public X12EnvelopeIds? Envelope { get; init; }

    internal static Eligibility271Report Failed(params string[] issues) => new(null, issues);
}
