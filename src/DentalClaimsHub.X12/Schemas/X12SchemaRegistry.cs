namespace DentalClaimsHub.X12.Schemas;

/// <summary>
/// The loaded implementation guides, picked by GS08 (or ST03 when present) and ST01.
/// </summary>
public sealed class X12SchemaRegistry
{
    private readonly Dictionary<(string Guide, string TransactionSet), X12TransactionSchema> _schemas = [];
    private readonly HashSet<string> _knownSegments = new(StringComparer.Ordinal);

    /// <summary>Creates a registry over already loaded schemas.</summary>
    public X12SchemaRegistry(IEnumerable<X12TransactionSchema> schemas)
    {
        foreach (var schema in schemas)
        {
            _schemas[(schema.Guide, schema.TransactionSet)] = schema;
            _knownSegments.UnionWith(schema.Segments.Keys);
        }
    }

    /// <summary>All loaded schemas, ordered by guide then transaction set.</summary>
    public IReadOnlyList<X12TransactionSchema> Schemas =>
        [.. _schemas.Values.OrderBy(s => s.Guide, StringComparer.Ordinal).ThenBy(s => s.TransactionSet, StringComparer.Ordinal)];

    /// <summary>Loads every <c>*.json</c> schema in <paramref name="directory"/>.</summary>
    public static X12SchemaRegistry LoadFromDirectory(string directory) =>
        new(Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(X12SchemaLoader.LoadFile));

    /// <summary>Loads from the <c>schemas/x12</c> folder found by <see cref="FindSchemasDirectory"/>.</summary>
    public static X12SchemaRegistry LoadDefault() =>
        LoadFromDirectory(FindSchemasDirectory() ?? throw new DirectoryNotFoundException("schemas/x12 was not found above the application folder."));

    /// <summary>Walks up from <paramref name="start"/> (default: <see cref="AppContext.BaseDirectory"/>) to find <c>schemas/x12</c>.</summary>
    public static string? FindSchemasDirectory(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "x12");
            if (Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }

    /// <summary>Finds the schema for a transaction set; ST03 wins over GS08 when present (835 has no ST03).</summary>
    public X12TransactionSchema? Find(string? gs08, string st01, string? st03 = null)
    {
        foreach (var guide in new[] { st03, gs08 })
        {
            if (!string.IsNullOrEmpty(guide) && _schemas.TryGetValue((guide, st01), out var schema))
                return schema;
        }

        return null;
    }

    /// <summary>True when any loaded guide defines a segment with this id.</summary>
    public bool IsKnownSegment(string id) => _knownSegments.Contains(id);
}
