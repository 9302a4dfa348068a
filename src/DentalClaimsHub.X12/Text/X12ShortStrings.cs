namespace DentalClaimsHub.X12.Text;

/// <summary>
/// Process-wide cache of short ASCII element values (qualifiers, flags, codes such as <c>D8</c>, <c>472</c>, <c>Y</c>)
/// so that reading them from a segment does not allocate a new string each time.
/// </summary>
/// <remarks>
/// Direct-mapped and bounded (4,096 slots): a collision replaces the slot. Entries are immutable objects, so a slot
/// read and a slot write on different threads never see a torn value.
/// </remarks>
internal static class X12ShortStrings
{
    /// <summary>Longest value the cache holds.</summary>
    public const int MaxLength = 3;

    private static readonly Entry?[] Slots = new Entry?[4096];

    /// <summary>The value as a string: cached when short and ASCII, otherwise a new string.</summary>
    public static string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return "";
        if (value.Length > MaxLength)
            return new string(value);

        var key = value.Length;
        foreach (var c in value)
        {
            if (c >= 0x80)
                return new string(value);
            key = (key << 8) | c;
        }

        return Cached(key, value, static v => new string(v));
    }

    /// <summary>
    /// ASCII bytes of an element as a string: cached when short, otherwise a new string; bytes that are not ASCII are
    /// decoded as UTF-8. Readers share this cache instead of keeping one each, so a small message costs no table.
    /// </summary>
    public static string Get(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            return "";
        if (value.Length > MaxLength)
            return System.Text.Encoding.UTF8.GetString(value);

        var key = value.Length;
        foreach (var b in value)
        {
            if (b >= 0x80)
                return System.Text.Encoding.UTF8.GetString(value);
            key = (key << 8) | b;
        }

        return Cached(key, value, static v => System.Text.Encoding.ASCII.GetString(v));
    }

    private static string Cached<T>(int key, ReadOnlySpan<T> value, SpanFunc<T> create)
    {
        var index = (int)(((uint)key * 0x9E3779B1u) >> 20);
        var entry = Volatile.Read(ref Slots[index]);
        if (entry is null || entry.Key != key)
        {
            entry = new Entry(key, create(value));
            Volatile.Write(ref Slots[index], entry);
        }

        return entry.Value;
    }

    private delegate string SpanFunc<T>(ReadOnlySpan<T> value);

    private sealed class Entry(int key, string value)
    {
        public int Key { get; } = key;

        public string Value { get; } = value;
    }
}
