using DentalClaimsHub.X12.Acknowledgements;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>
/// Codes of SNIP level 1 issues. They carry the acknowledgment code they map to, the same way the schema layer's codes do:
/// <c>TA1-nnn</c> (interchange, TA105), <c>AK905-n</c> (functional group), <c>IK502-n</c> (transaction set),
/// <c>IK304-n</c> (segment) and <c>IK403-n</c> (element); <c>SNIP1-…</c> for findings without an acknowledgment code.
/// </summary>
public static class X12EnvelopeCodes
{
    /// <summary>Prefix of interchange-level codes (TA105 note code, three digits).</summary>
    public const string InterchangePrefix = "TA1-";

    /// <summary>A segment sits where the envelope structure does not allow it.</summary>
    public const string Structure = "SNIP1-STRUCTURE";

    /// <summary>Trailing element separators (empty trailing elements) in a segment.</summary>
    public const string TrailingSeparator = "SNIP1-TRAILING-SEPARATOR";

    /// <summary>Interchange-level code for <paramref name="note"/>, for example <c>TA1-001</c>.</summary>
    public static string Interchange(Ta1NoteCode note) => $"{InterchangePrefix}{(int)note:000}";

    /// <summary>Functional-group code for an AK905 value, for example <c>AK905-4</c>.</summary>
    public static string Group(string ak905) => "AK905-" + ak905;

    /// <summary>Transaction-set code for an IK502 value, for example <c>IK502-3</c>.</summary>
    public static string Transaction(string ik502) => "IK502-" + ik502;

    /// <summary>Segment code for an IK304 value (1 = unrecognized segment id).</summary>
    public static string Segment(string ik304) => "IK304-" + ik304;

    /// <summary>Element code for an IK403 value (8 = invalid date, 9 = invalid time, 4/5 = too short/long, 6 = bad character).</summary>
    public static string Element(string ik403) => "IK403-" + ik403;

    /// <summary>The TA105 note code carried by an interchange-level issue code, or null.</summary>
    public static Ta1NoteCode? NoteOf(string code) =>
        code.StartsWith(InterchangePrefix, StringComparison.Ordinal) && int.TryParse(code.AsSpan(InterchangePrefix.Length), out var n)
            ? (Ta1NoteCode)n
            : null;
}
