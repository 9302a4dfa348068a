namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// The kinds of <see cref="TimelineReason"/> the hub writes, with the arguments each carries (in this order, invariant culture).
/// Stored in <c>claim_timeline.reason_code</c>: renaming one orphans stored entries, so add rather than rename.
/// </summary>
public static class TimelineReasonCodes
{
    /// <summary>The claim was created. No arguments.</summary>
    public const string Created = "created";

    /// <summary>A replacement or void was made of the claim. Args: frequency (ClaimFrequency name), the new claim's number.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>A TA1 rejected the interchange. Args: interchange control number, TA105 note code.</summary>
    public const string Ta1Rejected = "ta1";

    /// <summary>A 999 rejected the transaction set. Args: ST02, IK5 code, the IK3/IK4 segments ("; "-joined, may be empty).</summary>
    public const string Ack999Rejected = "999";

    /// <summary>A 277CA said no. Args: category:status (A3:21), entity identifier (may be empty).</summary>
    public const string ClaimAckRejected = "277ca";

    /// <summary>A 277 answered a status request. Args: category:status, entity identifier (may be empty). Empty args: no STC.</summary>
    public const string ClaimStatus = "277";

    /// <summary>
    /// An 835 (or a ДМС act read as one) adjudicated the claim. Args: the first group-CARC that explains it (CO-50, may be
    /// empty), every such adjustment (","-joined), every remark code (","-joined), paid, charge.
    /// </summary>
    public const string Remittance = "835";

    /// <summary>An 835 reversed an earlier adjudication (CLP02 22). Args: the amount taken back.</summary>
    public const string Reversal = "835-reversal";

    /// <summary>An 835 answered a predetermination (CLP02 25). No arguments.</summary>
    public const string Predetermination = "835-predetermination";

    /// <summary>A FHIR ClaimResponse came back with outcome error. Args: the payer's own words (may be empty).</summary>
    public const string FhirError = "fhir-error";

    /// <summary>A FHIR ClaimResponse queued the claim for review. Args: the payer's own words (may be empty).</summary>
    public const string FhirQueued = "fhir-queued";

    /// <summary>A console user wrote the claim off. Args: their note.</summary>
    public const string WrittenOff = "written-off";

    /// <summary>A ДМС registry cannot name the clinic: it has no ИНН. Args: the claim's number.</summary>
    public const string DmsNoInn = "dms-no-inn";

    /// <summary>
    /// A guarantee-letter request cannot name a planned service: not in the hub's 804н reference. Args: the plan's number,
    /// line number, the service code as given.
    /// </summary>
    public const string DmsUnknownService = "dms-unknown-service";

    /// <summary>
    /// The claim cannot be expressed as a FHIR Claim. Args: the builder's own account (English, as it said it; may be empty).
    /// </summary>
    public const string FhirUnbuildable = "fhir-unbuildable";

    /// <summary>
    /// The claim cannot be written as an 837D: the dental guide needs what the claim or its practice lacks. Args: the claim's
    /// number, then one code per problem (the X12 adapter's <c>Claim837Problems</c>: practice-npi, practice-tax-id…).
    /// </summary>
    public const string X12Unbuildable = "x12-unbuildable";

    /// <summary>No 837 can be written: the hub's own submitter contact (1000A PER) has neither phone nor e-mail. No args.</summary>
    public const string X12NoSubmitterContact = "x12-no-submitter-contact";

    /// <summary>Every code, for tests that check each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
        [Created, FollowUp, Ta1Rejected, Ack999Rejected, ClaimAckRejected, ClaimStatus, Remittance, Reversal, Predetermination, FhirError, FhirQueued, WrittenOff,
        DmsNoInn, DmsUnknownService, FhirUnbuildable, X12Unbuildable, X12NoSubmitterContact];
}
