using System.Diagnostics.CodeAnalysis;

namespace DentalClaimsHub.Domain;

/// <summary>Small argument checks shared by the factories of the model; every failure is a <see cref="DomainException"/>.</summary>
internal static class Guard
{
    public static string Required([NotNull] string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{field} is required.", field);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field} must be at most {maxLength} characters, got {trimmed.Length}.", field);
        }

        return trimmed;
    }

    /// <summary>Trims the value and turns blank into null.</summary>
    public static string? Optional(string? value, string field, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, field, maxLength);

    public static Guid NotEmpty(Guid value, string field) =>
        value == Guid.Empty ? throw new DomainException($"{field} must not be empty.", field) : value;

    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes spaces and hyphens that people type into identifiers ("12-3456789", "7707 083893").</summary>
    public static string StripSeparators(string value)
    {
        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (c is not (' ' or '-' or '\u00A0' or '\t'))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }
}
