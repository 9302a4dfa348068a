using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Files;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

/// <summary>
/// Where the data sits in a tabular file an insurer sends: accepted formats and text encoding, the header row (found by
/// a cell matching <see cref="HeaderCell"/> somewhere in the first <see cref="HeaderWithin"/> rows — insurers put their
/// name, outgoing number, contract and policyholder above it), the column names per field, date formats, the columns that
/// merged cells leave empty below their first row, and rows to skip (Итого). Shared by rosters, guarantee-letter answers
/// and reconciliation acts.
/// </summary>
public sealed record DmsTableLayout
{
    public required IReadOnlyList<DmsFileFormat> Formats { get; init; }

    /// <summary>Encoding of CSV and XML files; null to detect (BOM, valid UTF-8, else windows-1251).</summary>
    public string? Encoding { get; init; }

    /// <summary>CSV separator; null to detect.</summary>
    public char? Delimiter { get; init; }

    /// <summary>XLS/XLSX sheet name; null for the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>XML element that is one record (the columns' names are then attribute or child element names).</summary>
    public string? XmlRecord { get; init; }

    public required Regex HeaderCell { get; init; }

    public int HeaderWithin { get; init; } = 30;

    /// <summary>Column titles per field, compared after trimming, case folding, ё→е and collapsing whitespace.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; init; }

    /// <summary>Exact formats tried in order (the default is dd.MM.yyyy, d.M.yyyy, dd.MM.yy).</summary>
    public required IReadOnlyList<string> DateFormats { get; init; }

    /// <summary>Fields whose empty cell takes the value from the row above (vertically merged cells).</summary>
    public IReadOnlyList<string> FillDown { get; init; } = [];

    /// <summary>A row with a cell matching this is not data (Итого, Всего, page footers).</summary>
    public Regex? SkipRows { get; init; }

    /// <summary>The options the file layer needs to read this layout.</summary>
    public DmsReadOptions ReadOptions(string? zipPassword = null) => new()
    {
        Encoding = Encoding,
        Delimiter = Delimiter,
        Sheet = Sheet,
        XmlRecord = XmlRecord,
        XmlFields = [.. Columns.Values.SelectMany(aliases => aliases).Distinct(StringComparer.OrdinalIgnoreCase)],
        ZipPassword = zipPassword,
    };
}
