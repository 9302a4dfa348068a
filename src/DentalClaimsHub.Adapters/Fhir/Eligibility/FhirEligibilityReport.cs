using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// What reading a <c>CoverageEligibilityResponse</c> produced: a canonical result or the reasons there is none, plus parse notes.
/// </summary>
/// <param name="Result">The canonical result; null when the response could not be understood.</param>
/// <param name="Issues">Problems found in plain English (errors when <see cref="Result"/> is null, notes otherwise).</param>
public sealed record FhirEligibilityReport(EligibilityResult? Result, IReadOnlyList<string> Issues)
{
    /// <summary>True when a canonical result was produced.</summary>
    public bool Succeeded => Result is not null;

    internal static FhirEligibilityReport Failed(IEnumerable<string> issues) => new(null, [.. issues]);
}
