namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>How to read one insurer's file; everything left null is detected.</summary>
public sealed record DmsReadOptions
{
    /// <summary>CSV/XML text encoding by name ("windows-1251", "utf-8"); null detects it (BOM, then valid UTF-8, else
    /// windows-1251). An XML declaration's encoding is honoured when this is null.</summary>
    public string? Encoding { get; init; }

    /// <summary>CSV delimiter; null detects it among ';', ',' and tab from the first lines (';' wins ties).</summary>
    public char? Delimiter { get; init; }

    /// <summary>XLS/XLSX sheet name (case-insensitive); null reads the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>XML: the local name of the element that is one record (e.g. "Застрахованный").</summary>
    public string? XmlRecord { get; init; }

    /// <summary>XML: the columns to emit, each an attribute name, child element name or child path "A/B"
    /// (case-insensitive).</summary>
    public IReadOnlyList<string> XmlFields { get; init; } = [];

    /// <summary>Password of a protected ZIP.</summary>
    public string? ZipPassword { get; init; }
}
