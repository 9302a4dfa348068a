namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The outcome of reading a folder of payer profiles: the valid profiles and every error found.</summary>
/// <param name="Profiles">Profiles that loaded without errors, ordered by id.</param>
/// <param name="Errors">All errors, ordered by file, line and column.</param>
public sealed record PayerProfileLoadResult(IReadOnlyList<PayerProfile> Profiles, IReadOnlyList<PayerProfileError> Errors)
{
    /// <summary>True when no file had an error.</summary>
    public bool IsSuccess => Errors.Count == 0;
}
