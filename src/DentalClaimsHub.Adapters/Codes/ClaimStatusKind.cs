namespace DentalClaimsHub.Adapters.Codes;

/// <summary>
/// What a claim status category (code source 507, STC01-1) means for the claim, as the <c>kind</c> of each entry in
/// <c>schemas/codes/claim-status-category.json</c>.
/// </summary>
public enum ClaimStatusKind
{
    /// <summary>The payer has the claim: received, accepted into adjudication, split or forwarded (A0, A1, A2, A5).</summary>
    Acknowledgement,

    /// <summary>The claim did not enter adjudication and must be fixed and sent again (A3, A4, A6, A7, A8).</summary>
    Rejected,

    /// <summary>In adjudication with no decision yet (P0–P5).</summary>
    Pending,

    /// <summary>Adjudication is finished (F0–F4, F3F, F3N).</summary>
    Finalized,

    /// <summary>The payer asks for more information (R0–R16).</summary>
    Request,

    /// <summary>The status request could not be answered (E0–E4).</summary>
    Error,

    /// <summary>Nothing matched the status request (D0).</summary>
    DataSearch,
}
