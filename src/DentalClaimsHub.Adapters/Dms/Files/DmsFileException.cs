namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>
/// A file that cannot be read at all (not a spreadsheet, wrong ZIP password, broken XML at line N …). The message is
/// specific and never holds cell values, which are personal data; <see cref="Row"/> is the row or line where it broke,
/// when known.
/// </summary>
public sealed class DmsFileException(string message, int? row = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Row { get; } = row;
}
