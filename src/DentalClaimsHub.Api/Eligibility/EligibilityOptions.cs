namespace DentalClaimsHub.Api.Eligibility;

public sealed class EligibilityOptions
{
    /// <summary>How long a request waits for the payer before answering 202 (CAQH CORE real-time: 20 s).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a completed answer is reused for the same coverage and date of service.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(12);
}
