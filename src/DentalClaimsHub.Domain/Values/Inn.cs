using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// Russian taxpayer number (ИНН): 10 digits for an organisation (one check digit) or 12 digits for a person or an
/// individual entrepreneur (two check digits), with the weights published by the Federal Tax Service.
/// </summary>
public readonly record struct Inn
{
    private static readonly int[] Weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public Inn(string value) => this = Parse(value);

    /// <summary>The 10 or 12 digits.</summary>
    public string Value { get; private init; }

    /// <summary>True for a 10-digit organisation number.</summary>
    public bool IsOrganisation => Value?.Length == 10;

    /// <summary>Parses an ИНН; spaces and hyphens are ignored. Throws <see cref="DomainException"/> when invalid.</summary>
    public static Inn Parse(string? value) =>
        TryParse(value, out var inn, out var error) ? inn : throw new DomainException(error, nameof(value));

    /// <summary>Parses an ИНН without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Inn inn) => TryParse(value, out inn, out _);

    public override string ToString() => Value ?? string.Empty;

    private static bool TryParse(string? value, out Inn inn, out string error)
    {
        inn = default;
        var digits = value is null ? string.Empty : Guard.StripSeparators(value);
        if (digits.Length is not (10 or 12) || !Guard.AllDigits(digits))
        {
            error = $"INN must be 10 or 12 digits, got '{value}'.";
            return false;
        }

        var valid = digits.Length == 10
            ? CheckDigit(digits, Weights10) == digits[9] - '0'
            : CheckDigit(digits, Weights11) == digits[10] - '0' && CheckDigit(digits, Weights12) == digits[11] - '0';
        if (!valid)
        {
            error = $"INN '{digits}' fails its check digit.";
            return false;
        }

        inn = new Inn { Value = digits };
        error = string.Empty;
        return true;
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11 % 10;
    }
}
