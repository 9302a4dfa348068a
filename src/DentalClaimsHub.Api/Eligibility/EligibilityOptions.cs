namespace DentalClaimsHub.Api.Eligibility;

public sealed class EligibilityOptions
{
    /// <summary>How long a request waits for the payer before answering 202 (CAQH CORE real-time: 20 s).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a completed answer is reused for the same coverage and date of service.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Answers given back before they are written, beyond which an answer waits for its own write (a database that has
    /// fallen behind slows the answers down instead of growing the hub's memory).
    /// </summary>
    public int MaxUnwrittenAnswers { get; set; } = 1024;
}
