namespace DentalClaimsHub.Domain.Values;

/// <summary>US taxpayer identification number (EIN or SSN used as TIN): nine digits, hyphens allowed on input.</summary>
public static class TaxId
{
    /// <summary>Returns the nine digits, or throws <see cref="DomainException"/>.</summary>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digits = Guard.StripSeparators(value);
        if (digits.Length != 9 || !Guard.AllDigits(digits))
        {
            throw new DomainException($"Tax id (TIN/EIN) must be 9 digits, got '{value}'.", nameof(value));
        }

        return digits;
    }
}
