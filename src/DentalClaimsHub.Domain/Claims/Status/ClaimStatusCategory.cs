namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>Reads X12 claim status category codes (code list 507, the first component of STC01/STC10/STC11).</summary>
public static class ClaimStatusCategory
{
    /// <summary>The outcome a category code stands for; unknown codes mean <see cref="ClaimStatusOutcome.Unknown"/>.</summary>
    public static ClaimStatusOutcome OutcomeOf(string? category) => (category ?? "").Trim().ToUpperInvariant() switch
    {
        "A0" or "A1" or "A2" or "A5" => ClaimStatusOutcome.Accepted,
        "A4" or "D0" => ClaimStatusOutcome.NotFound,
        "A3" or "A6" or "A7" or "A8" or "E0" or "E3" or "E4" => ClaimStatusOutcome.Rejected,
        // E1 (system not available) and E2 (information holder not responding) are "ask again later".
        "E1" or "E2" => ClaimStatusOutcome.Unknown,
        var code when code.Length >= 2 && code[0] == 'P' && char.IsAsciiDigit(code[1]) => ClaimStatusOutcome.Pending,
        var code when code.Length >= 2 && code[0] == 'R' && char.IsAsciiDigit(code[1]) => ClaimStatusOutcome.Pending,
        // F3F and F3N (forwarded) are refinements of F3.
        var code when code.Length >= 2 && code[0] == 'F' && code[1] is >= '0' and <= '4' => ClaimStatusOutcome.Finalized,
        _ => ClaimStatusOutcome.Unknown,
    };

    /// <summary>F2: finalized as a denial.</summary>
    public static bool IsDenial(string? category) => string.Equals(category?.Trim(), "F2", StringComparison.OrdinalIgnoreCase);
}
