namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>Thrown at start-up when payer profiles are invalid; the message lists every error.</summary>
public sealed class PayerProfileException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public PayerProfileException(IReadOnlyList<PayerProfileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>The errors, in file and line order.</summary>
    public IReadOnlyList<PayerProfileError> Errors { get; }

    private static string Describe(IReadOnlyList<PayerProfileError> errors)
    {
        var lines = errors.Select(error => "  " + error);
        return $"Invalid payer profiles ({errors.Count} error(s)):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
