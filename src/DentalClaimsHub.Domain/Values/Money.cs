using System.Globalization;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// An amount of money in one ISO 4217 currency. Arithmetic and comparison are defined only between amounts of the
/// same currency; mixing currencies is a bug and throws.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Creates an amount; the currency code is upper-cased and must be three Latin letters.</summary>
    [JsonConstructor]
    public Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = NormaliseCurrency(currency);
    }

    /// <summary>The amount, unrounded; call <see cref="Round"/> to bring it to two places.</summary>
    public decimal Amount { get; }

    /// <summary>ISO 4217 code, upper case ("USD", "RUB").</summary>
    public string Currency { get; }

    /// <summary>US dollars.</summary>
    public static Money Usd(decimal amount) => new(amount, "USD");

    /// <summary>Russian roubles.</summary>
    public static Money Rub(decimal amount) => new(amount, "RUB");

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(string currency) => new(0m, currency);

    // Derived, so not part of the JSON form (stored amounts used to carry both, for nothing).
    [JsonIgnore]
    public bool IsZero => Amount == 0m;

    [JsonIgnore]
    public bool IsNegative => Amount < 0m;

    /// <summary>Rounds to two decimal places, half away from zero (1.005 → 1.01), as payers and registries do.</summary>
    public Money Round() => new(RoundAmount(Amount), Currency);

    /// <summary>The rounding rule of <see cref="Round"/> for bare decimals.</summary>
    public static decimal RoundAmount(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The given percentage of this amount, rounded to two places.</summary>
    public Money Percent(decimal percent) => new Money(Amount * percent / 100m, Currency).Round();

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    public static Money operator *(decimal factor, Money value) => value * factor;

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Multiply(Money value, decimal factor) => value * factor;

    public static Money Negate(Money value) => -value;

    /// <summary>The smaller of two amounts in one currency.</summary>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>The larger of two amounts in one currency.</summary>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <summary>Adds up amounts that must all be in <paramref name="currency"/>; an empty sequence gives zero.</summary>
    public static Money Sum(IEnumerable<Money> values, string currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = Zero(currency);
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>"12.50 USD" — invariant culture, two decimal places at least.</summary>
    public override string ToString() => $"{Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>True when <paramref name="code"/> is three ASCII letters (any case).</summary>
    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetter);

    private static string NormaliseCurrency(string? currency)
    {
        var trimmed = currency?.Trim();
        if (!IsCurrencyCode(trimmed))
        {
            throw new DomainException($"Currency must be a three-letter ISO 4217 code, got '{currency}'.", nameof(currency));
        }

        return trimmed!.ToUpperInvariant();
    }

    private static string SameCurrency(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Cannot combine amounts in different currencies: {left.Currency} and {right.Currency}.");
        }

        return left.Currency;
    }
}
