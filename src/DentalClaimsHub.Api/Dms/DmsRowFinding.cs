using System.Text.Json;
using DentalClaimsHub.Adapters.Dms.Rosters;

namespace DentalClaimsHub.Api.Dms;

/// <summary>
/// A row an insurer's file reader left out, as the message keeps it in its parse findings: the English line it has always
/// kept (<see cref="Text"/>) and, for the console to word it per culture, the row, the column title and the reason's code and
/// values. The cell is personal data and is not kept. A finding about a whole letter or act row (one the hub could not apply)
/// has no column.
/// </summary>
public sealed record DmsRowFinding(string Text, int Row, string? Column, string? Code, IReadOnlyList<string>? Args)
{
    /// <summary>How <c>messages.parse_errors</c> keeps a finding.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>An act's row as its message has always kept it: <c>Row 11 [Код услуги]: reason</c>.</summary>
    public static DmsRowFinding Of(DmsRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error, $"Row {error.Row} [{error.Column}]: {error.Reason}");
    }

    /// <summary>A row whose English line the message keeps is <paramref name="text"/>.</summary>
    public static DmsRowFinding Of(DmsRowError error, string text)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(text, error.Row, error.Column, error.Code, error.Code is null ? null : error.Args);
    }

    /// <summary>The findings as <c>messages.parse_errors</c> keeps them.</summary>
    public static string Json(IEnumerable<DmsRowError> errors) => JsonSerializer.Serialize(errors.Select(e => Of(e)), JsonOptions);

    /// <summary>A stored finding read back: null for an element that is not one (a plain line, an older message's).</summary>
    public static DmsRowFinding? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.Deserialize<DmsRowFinding>(JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
