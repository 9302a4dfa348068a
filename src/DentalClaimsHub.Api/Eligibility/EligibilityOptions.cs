namespace DentalClaimsHub.Api.Eligibility;

public sealed class EligibilityOptions
{
    /// <summary>How long a request waits for the payer before answering 202 (CAQH CORE real-time: 20 s).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a completed answer is reused for the same coverage and date of service.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a registered coverage, its patient and practice, once read, are kept in memory for the next question about
    /// them; any change to them ends the copy sooner (<see cref="SubjectCache"/>). Zero turns the copies off.
    /// </summary>
    public TimeSpan SubjectCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Answers given back before they are written, beyond which an answer waits for its own write (a database that has
    /// fallen behind slows the answers down instead of growing the hub's memory).
    /// </summary>
    public int MaxUnwrittenAnswers { get; set; } = 1024;
}
