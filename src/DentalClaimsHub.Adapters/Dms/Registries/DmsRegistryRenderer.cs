using System.Globalization;
using System.Text;

namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>
/// Renders a <see cref="DmsRegistry"/> per the insurer's <see cref="DmsRegistryLayout"/> to the bytes of the file. The
/// output depends on the registry and the layout only — the same input gives the same bytes (the XLSX package too: its
/// entries carry the registry's date instead of the clock), so a regenerated registry can be compared by hash.
/// </summary>
public static partial class DmsRegistryRenderer
{
    static DmsRegistryRenderer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Render(DmsRegistry registry, DmsRegistryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Format switch
        {
            DmsRegistryFormat.Xlsx => RenderXlsx(registry, layout),
            DmsRegistryFormat.Csv => RenderCsv(registry, layout),
            _ => RenderXml(registry, layout),
        };
    }

    /// <summary>The file name the registry travels under: insurer-neutral, number, version and extension.</summary>
    public static string FileName(DmsRegistry registry, DmsRegistryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(layout);
        return string.Create(CultureInfo.InvariantCulture, $"reestr_{registry.Number}_v{registry.Version}.{layout.Extension}");
    }

    /// <summary>The title lines with their placeholders filled in.</summary>
    public static IReadOnlyList<string> Title(DmsRegistry registry, DmsRegistryLayout layout) =>
        [.. layout.Title.Select(line => FillPlaceholders(line, registry, layout))];

    internal static Encoding TextEncoding(DmsRegistryLayout layout) =>
        string.Equals(layout.Encoding, "utf-8", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(false) : Encoding.GetEncoding(layout.Encoding);

    /// <summary>A cell's value: text, a number (decimal or int) or null for an empty cell.</summary>
    internal static object? Value(DmsRegistryLine line, int row, string field, DmsRegistryLayout layout)
    {
        var amounts = line.Amounts;
        return field switch
        {
            "row" => row,
            "claim" => line.ClaimNumber,
            "fullName" => line.FullName,
            "lastName" => line.LastName,
            "firstName" => line.FirstName,
            "middleName" => line.MiddleName,
            "policy" => line.Policy,
            "birthDate" => line.BirthDate is { } born ? Date(born, layout) : null,
            "surfaces" => line.Surfaces,
            "guaranteeNumber" => line.GuaranteeNumber,
            "guaranteeDate" => line.GuaranteeDate is { } issued ? Date(issued, layout) : null,
            "serviceDate" => Date(line.ServiceDate, layout),
            "serviceCode" => line.ServiceCode,
            "serviceName" => line.ServiceName,
            "diagnosis" => line.Diagnosis,
            "tooth" => line.Tooth,
            "quantity" => line.Quantity,
            "price" => line.Price,
            "discountPercent" => line.DiscountPercent,
            "discount" => amounts.Discount,
            "franchisePercent" => line.FranchisePercent,
            "franchise" => amounts.Franchise,
            "amount" => amounts.Amount,
            "insurerAmount" => amounts.InsurerAmount,
            "doctor" => line.Doctor,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a registry field."),
        };
    }

    /// <summary>The totals of the summed columns (see <see cref="DmsRegistryFields.Summed"/>); null for the others.</summary>
    internal static object? Total(DmsRegistry registry, string field)
    {
        var totals = registry.Totals;
        return field switch
        {
            "quantity" => registry.Quantity,
            "discount" => totals.Discount,
            "franchise" => totals.Franchise,
            "amount" => totals.Amount,
            "insurerAmount" => totals.InsurerAmount,
            _ => null,
        };
    }

    /// <summary>A value as CSV and XML write it: amounts with two decimals, percentages without trailing zeros, the layout's separator.</summary>
    internal static string Text(object? value, string field, DmsRegistryLayout layout) => value switch
    {
        null => string.Empty,
        decimal number when field.EndsWith("Percent", StringComparison.Ordinal) =>
            number.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', layout.DecimalSeparator),
        decimal number => number.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', layout.DecimalSeparator),
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    internal static string Date(DateOnly date, DmsRegistryLayout layout) => date.ToString(layout.DateFormat, CultureInfo.InvariantCulture);

    private static string FillPlaceholders(string line, DmsRegistry registry, DmsRegistryLayout layout) => line
        .Replace("{insurer}", registry.InsurerName, StringComparison.Ordinal)
        .Replace("{clinic}", registry.ClinicName, StringComparison.Ordinal)
        .Replace("{inn}", registry.ClinicInn, StringComparison.Ordinal)
        .Replace("{period}", $"{Date(registry.PeriodFrom, layout)} – {Date(registry.PeriodTo, layout)}", StringComparison.Ordinal)
        .Replace("{month}", Month(registry.PeriodFrom), StringComparison.Ordinal)
        .Replace("{number}", registry.Number, StringComparison.Ordinal)
        .Replace("{version}", registry.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{date}", Date(registry.Date, layout), StringComparison.Ordinal);

    // Spelled out here rather than through ru-RU culture data, which differs between ICU versions and platforms.
    private static readonly string[] Months =
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    private static string Month(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{Months[date.Month - 1]} {date.Year}");
}
