namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>The file format an insurer wants its monthly registry in.</summary>
public enum DmsRegistryFormat
{
    Xlsx = 1,
    Csv = 2,
    Xml = 3,
}

/// <summary>One column of a registry: which <see cref="DmsRegistryFields">field</see> it shows under which title (or XML element name).</summary>
public sealed record DmsRegistryColumn(string Field, string Title);

/// <summary>XML names of a registry file: root element, header elements (field → name), record element and totals element.</summary>
public sealed record DmsRegistryXmlNames
{
    public required string Root { get; init; }

    /// <summary>Registry facts written once under the root before the records, in order (see <see cref="DmsRegistryFields.Header"/>).</summary>
    public IReadOnlyList<DmsRegistryColumn> Header { get; init; } = [];

    public required string Record { get; init; }

    /// <summary>Element holding the totals of the amount columns after the records; null for none.</summary>
    public string? Totals { get; init; }
}

/// <summary>
/// How one insurer wants the monthly registry of services (счёт-реестр) laid out, read from the <c>registry:</c> section of
/// <c>mappings/dms/&lt;id&gt;.yaml</c>: format and encoding, title lines above the table (with placeholders), ФИО in one cell
/// or three, the ordered columns, date and number formats, an Итого row. Each insurer's contract fixes a discount the
/// clinic grants on its price list; it is part of the layout because it is the same for every line of the insurer.
/// </summary>
public sealed record DmsRegistryLayout
{
    public required DmsRegistryFormat Format { get; init; }

    /// <summary>Encoding of a CSV or XML file (utf-8, windows-1251); XLSX is always UTF-8 inside.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>CSV separator.</summary>
    public char Delimiter { get; init; } = ';';

    /// <summary>XLSX sheet name.</summary>
    public string Sheet { get; init; } = "Реестр";

    /// <summary>Lines above the table; placeholders as in <see cref="DmsRegistryFields.Placeholders"/>.</summary>
    public IReadOnlyList<string> Title { get; init; } = [];

    /// <summary>ФИО in one cell (<c>fullName</c>) rather than three (<c>lastName</c>, <c>firstName</c>, <c>middleName</c>).</summary>
    public required bool JoinedName { get; init; }

    public required IReadOnlyList<DmsRegistryColumn> Columns { get; init; }

    public string DateFormat { get; init; } = "dd.MM.yyyy";

    /// <summary>Decimal separator of amounts and percentages in CSV and XML (XLSX cells are numbers).</summary>
    public char DecimalSeparator { get; init; } = ',';

    /// <summary>Label of the totals row (written in the first column), or null for no totals row.</summary>
    public string? TotalsLabel { get; init; }

    /// <summary>The clinic's contract discount for this insurer, percent of the price (0–100).</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>Element names when <see cref="Format"/> is XML; null otherwise.</summary>
    public DmsRegistryXmlNames? Xml { get; init; }

    /// <summary>The file extension of <see cref="Format"/>.</summary>
    public string Extension => Format switch
    {
        DmsRegistryFormat.Xlsx => "xlsx",
        DmsRegistryFormat.Csv => "csv",
        _ => "xml",
    };

    /// <summary>The media type of a rendered file.</summary>
    public string ContentType => Format switch
    {
        DmsRegistryFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DmsRegistryFormat.Csv => $"text/csv; charset={Encoding}",
        _ => $"application/xml; charset={Encoding}",
    };
}
