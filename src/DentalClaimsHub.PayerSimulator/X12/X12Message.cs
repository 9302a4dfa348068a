namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// A deliberately small X12 reader for the simulator: delimiters from the ISA, segments as element arrays. The hub's
/// own engine is not reused on purpose, so the simulator checks the hub from outside rather than agreeing with its bugs.
/// </summary>
public sealed class X12Message
{
    private X12Message(char elementSeparator, char componentSeparator, char segmentTerminator, IReadOnlyList<string[]> segments)
    {
        ElementSeparator = elementSeparator;
        ComponentSeparator = componentSeparator;
        SegmentTerminator = segmentTerminator;
        Segments = segments;
    }

    public char ElementSeparator { get; }

    public char ComponentSeparator { get; }

    public char SegmentTerminator { get; }

    public IReadOnlyList<string[]> Segments { get; }

    /// <summary>Splits <paramref name="text"/>; throws <see cref="FormatException"/> when it does not start with a full ISA.</summary>
    public static X12Message Parse(string text)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (trimmed.Length < 106 || !trimmed.StartsWith("ISA", StringComparison.Ordinal))
        {
            throw new FormatException("The payload is not an X12 interchange (no 106-character ISA).");
        }

        var element = trimmed[3];
        var component = trimmed[104];
        var terminator = trimmed[105];
        var segments = trimmed
            .Split(terminator)
            .Select(segment => segment.Trim('\r', '\n', ' ', '\t'))
            .Where(segment => segment.Length > 0)
            .Select(segment => segment.Split(element))
            .ToList();
        return new X12Message(element, component, terminator, segments);
    }

    /// <summary>The first segment with <paramref name="id"/> (and, if given, first element <paramref name="qualifier"/>).</summary>
    public string[]? First(string id, string? qualifier = null) =>
        Segments.FirstOrDefault(s => s[0] == id && (qualifier is null || (s.Length > 1 && s[1] == qualifier)));

    /// <summary>Element <paramref name="index"/> (1-based, as in X12 references) of <paramref name="segment"/>, or empty.</summary>
    public static string Element(string[]? segment, int index) =>
        segment is not null && index < segment.Length ? segment[index].Trim() : string.Empty;

    /// <summary>A segment to write, without the empty trailing elements X12 forbids (NM1*QC*1*DOE*JANE****MI*123).</summary>
    public static DentalClaimsHub.X12.X12Segment Segment(string id, params string[] elements)
    {
        var count = elements.Length;
        while (count > 0 && elements[count - 1].Length == 0)
        {
            count--;
        }

        return DentalClaimsHub.X12.X12Segment.Create(id, elements[..count]);
    }
}
