using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>
/// A YAML mapping read field by field: every access records the key as known, every problem goes to the sink
/// with the node's line/column and the dotted field path, and <see cref="RejectUnknownFields"/> reports the rest.
/// </summary>
internal sealed partial class YamlMap
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, ProfileErrorSink sink, IReadOnlyDictionary<string, string> variables)
    {
        this.node = node;
        Path = path;
        Sink = sink;
        Variables = variables;
    }

    public string Path { get; }

    public ProfileErrorSink Sink { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The nested mapping under <paramref name="key"/>, or null (with an error when required or not a mapping).</summary>
    public YamlMap? Map(string key, bool required = false)
    {
        var value = Find(key, required);
        if (value is null)
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, FieldPath(key), Sink, Variables);
        }

        Sink.Add(value.Start, FieldPath(key), "must be a mapping of fields.");
        return null;
    }

    /// <summary>The keys present in this mapping with their key nodes, in document order.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode)> Keys()
    {
        foreach (var child in node.Children)
        {
            if (child.Key is YamlScalarNode scalar && scalar.Value is not null)
            {
                yield return (scalar.Value, scalar);
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> is present with a non-null value (does not mark it as known).</summary>
    public bool Has(string key) =>
        node.Children.Any(child => child.Key is YamlScalarNode scalar && scalar.Value == key && !IsNull(child.Value));

    /// <summary>The nested mapping under <paramref name="key"/> when there is one; never reports (for cross-field checks).</summary>
    public YamlMap? Peek(string key) =>
        node.Children.FirstOrDefault(child => child.Key is YamlScalarNode scalar && scalar.Value == key).Value is YamlMappingNode mapping
            ? new YamlMap(mapping, FieldPath(key), Sink, Variables)
            : null;

    /// <summary>Reports every key that no accessor asked for.</summary>
    public void RejectUnknownFields()
    {
        foreach (var (key, keyNode) in Keys())
        {
            if (!known.Contains(key))
            {
                Sink.Add(keyNode.Start, FieldPath(key), "unknown field.");
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> as known and returns its value node, treating null scalars as absent.</summary>
    private YamlNode? Find(string key, bool required)
    {
        known.Add(key);
        foreach (var child in node.Children)
        {
            if (child.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                if (IsNull(child.Value))
                {
                    break;
                }

                return child.Value;
            }
        }

        if (required)
        {
            Sink.Add(node.Start, FieldPath(key), "required field is missing.");
        }

        return null;
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");
}
