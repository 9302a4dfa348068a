using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Claims.Status;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>
/// What a 277 said: one result per claim it reports on, and what could not be read. A 277 that could not be read at all
/// has no claims and at least one problem; problems of a single claim are also on that claim's result.
/// </summary>
public sealed record ClaimStatus277Report(IReadOnlyList<ClaimStatusResult> Claims, IReadOnlyList<string> Problems)
{
    /// <summary>The envelope's identifiers, when the interchange could be read that far.</summary>
    public X12EnvelopeIds? Envelope { get; init; }

    /// <summary>When the payer sent a TA1 or 999 instead of a 277: a phrase naming it and its codes.</summary>
    public string? Acknowledgement { get; init; }

    /// <summary><c>TA1</c> or <c>999</c> when <see cref="Acknowledgement"/> is set.</summary>
    public string? AcknowledgementType { get; init; }

    /// <summary>True when at least one claim status was read.</summary>
    public bool Succeeded => Claims.Count > 0;

    public static ClaimStatus277Report Failed(params string[] problems) => new([], problems);
}
