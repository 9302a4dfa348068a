namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>Per-payer interpretation choices for X12 content.</summary>
public sealed record X12Options
{
    /// <summary>Default dental service type code for 270 EQ01 (<c>35</c> = dental care).</summary>
    public string DentalServiceType { get; init; } = "35";

    /// <summary>
    /// Whether the 271 EB08 percent is the patient's share (the 005010X279A1 meaning) rather than the plan's;
    /// some payers send the plan share and need the opposite reading.
    /// </summary>
    public bool CoInsuranceIsPatientShare { get; init; } = true;

    /// <summary>
    /// How long queued claims wait to be sent together in one 837 interchange (<c>claimBatchInterval: 15m</c>); zero sends
    /// each claim as soon as it is queued.
    /// </summary>
    public TimeSpan ClaimBatchInterval { get; init; } = TimeSpan.Zero;

    /// <summary>837 SBR09 claim filing indicator: CI commercial by default; e.g. MC Medicaid, CH TRICARE.</summary>
    public string ClaimFilingIndicator { get; init; } = "CI";
}
