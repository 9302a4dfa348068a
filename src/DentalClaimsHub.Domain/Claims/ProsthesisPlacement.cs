namespace DentalClaimsHub.Domain.Claims;

/// <summary>Whether a prosthesis, crown or inlay is the first one or replaces an existing one (X12 SV305 I/R).</summary>
public enum ProsthesisPlacement
{
    /// <summary>I — initial placement.</summary>
    Initial = 1,

    /// <summary>R — replacement; the prior placement date is required (DTP*441).</summary>
    Replacement = 2,
}
