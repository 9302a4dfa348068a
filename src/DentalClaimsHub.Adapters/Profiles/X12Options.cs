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
}
