namespace DentalClaimsHub.Domain;

/// <summary>
/// Raised when input or an operation breaks a rule of the canonical model: an invalid code, a number that fails its
/// check digit, an illegal claim transition. The message is written for the person who sent the data.
/// </summary>
public class DomainException : ArgumentException
{
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
