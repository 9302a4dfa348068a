using System.Globalization;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// Values a coded sentence stores invariantly (amounts "2500.00", money "1234.50 USD", dates "2026-03-01") as the console
/// user's culture writes them; a value that is not in the stored form is shown as given.
/// </summary>
public static class StoredValue
{
    /// <summary>Money stored as <c>Money.ToString</c> ("1234.50 USD") in the user's number format: "1 234,50 USD".</summary>
    public static string Money(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Split(' ') is [var amount, var currency] && Parse(amount) is { } value ? Format.Money(value, currency) : stored;
    }

    /// <summary>An invariant amount and its currency stored apart ("1234.50", "USD") in the user's number format.</summary>
    public static string Money(string amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Parse(amount) is { } value ? Format.Money(value, currency) : amount;
    }

    /// <summary>An invariant number ("2500.00", "2.5") in the user's <paramref name="format"/> (two decimals by default).</summary>
    public static string Number(string stored, string format = "N2")
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Parse(stored) is { } value ? value.ToString(format, CultureInfo.CurrentCulture) : stored;
    }

    /// <summary>An ISO date ("2026-03-01") as the user writes dates.</summary>
    public static string Date(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Format.Date(date)
            : stored;
    }

    private static decimal? Parse(string invariant) =>
        decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
