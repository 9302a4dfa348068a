namespace DentalClaimsHub.Domain;

/// <summary>
/// Raised when input or an operation breaks a rule of the canonical model: an invalid code, a number that fails its
/// check digit, an illegal claim transition. The message is written for the person who sent the data. A rule a user can
/// break from a screen also carries its id (<see cref="Rule"/>, e.g. a <see cref="Claims.ClaimChangeRules"/> constant) and the
/// values it names, so a reader can word it in another language; the English message stays the API's wording and the fallback.
/// </summary>
public class DomainException : ArgumentException
{
    /// <summary>The broken rule's id, or null when only the message says what went wrong.</summary>
    public string? Rule { get; init; }

    /// <summary>The values the rule names (line numbers, codes, states, ISO dates), invariant culture, in the order its id lists.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Creates the exception with a message naming the rule that was broken.</summary>
    public DomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the name of the offending field.</summary>
    public DomainException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates the exception wrapping the cause.</summary>
    public DomainException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}
