namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// One row as a person sees it: <paramref name="Number"/> is the 1-based spreadsheet row, the CSV line where the record
/// starts, or the XML line of the record. Cells are trimmed text; an empty cell is null.
/// </summary>
public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells);
