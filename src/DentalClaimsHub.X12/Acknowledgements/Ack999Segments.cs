namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>Segment construction helpers for the 999: trailing empty elements are dropped, values cleaned.</summary>
internal static class Ack999Segments
{
    public static X12Segment Create(string id, params string?[] elements)
    {
        var count = elements.Length;
        while (count > 0 && string.IsNullOrEmpty(elements[count - 1])) count--;
        return X12Segment.Create(id, [.. elements.Take(count).Select(e => e ?? "")]);
    }

    /// <summary>A value echoed from the input (AK1, AK2, envelope ids) without the 999's delimiters, at most <paramref name="max"/> long.</summary>
    public static string Echo(string value, int max)
    {
        var text = new string(value.Where(c => !char.IsControl(c) && c is not ('*' or '~' or ':' or '^')).ToArray()).Trim();
        return text.Length > max ? text[..max] : text;
    }

    /// <summary>A copy of bad data without the 999's delimiters (always the defaults), fitting IK404 (1–99 characters).</summary>
    public static string Clean(string value)
    {
        var chars = value.Where(c => !char.IsControl(c) && c is not ('*' or '~' or ':' or '^')).ToArray();
        var text = new string(chars);
        return text.Length > 99 ? text[..99] : text.Length == 0 ? "?" : text;
    }
}
