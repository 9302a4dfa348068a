namespace DentalClaimsHub.Adapters.X12.Claims;

/// <summary>
/// The hub as submitter of 837s (1000A): the name payers see and the EDI contact they call about a batch
/// (configured as <c>Hub:X12:Submitter</c>; at least one of phone and e-mail is required by the guide's PER).
/// </summary>
public sealed record Claim837Submitter
{
    public static Claim837Submitter Default { get; } = new();

    public string Name { get; init; } = "DENTALCLAIMSHUB";

    public string ContactName { get; init; } = "EDI SUPPORT";

    /// <summary>Ten digits, no punctuation.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; } = "edi-support@dentalclaimshub.example";
}
