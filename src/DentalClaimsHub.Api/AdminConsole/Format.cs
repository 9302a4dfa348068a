using System.Globalization;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>Dates and money as the console user's culture writes them.</summary>
public static class Format
{
    /// <summary>The amount in the user's number format with the claim's currency code (ISO 4217), e.g. "1,234.50 USD", "1 234,50 RUB".</summary>
    public static string Money(decimal amount, string currency) =>
        amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A stored UTC instant as the user's date and time (UTC, labelled: the console serves several practices).</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";
}
