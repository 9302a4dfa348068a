using System.Runtime.CompilerServices;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// A loop schema's children flattened into arrays once per schema (leading segment id, qualifier element and values),
/// so that placing a segment compares spans instead of walking records and hashing element strings.
/// </summary>
internal sealed class X12LoopTable
{
    private static readonly ConditionalWeakTable<X12LoopSchema, X12LoopTable> Tables = [];

    private readonly string[] _ids;
    private readonly int[] _qualifierElements;
    private readonly string[][] _qualifierValues;
    private readonly X12Qualifier?[] _customQualifiers;
    private readonly X12Usage[] _usages;
    private readonly int[] _limits;
    private readonly Dictionary<X12StructureNode, int> _positions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int[]> _positionsById = new(StringComparer.Ordinal);
    private readonly X12LoopTable?[] _childTables;

    private X12LoopTable(X12LoopSchema schema)
    {
        var children = schema.Children;
        _ids = new string[children.Count];
        _qualifierElements = new int[children.Count];
        _qualifierValues = new string[children.Count][];
        _customQualifiers = new X12Qualifier?[children.Count];
        _usages = new X12Usage[children.Count];
        _limits = new int[children.Count];
        _childTables = new X12LoopTable?[children.Count];
        for (var i = 0; i < children.Count; i++)
        {
            _ids[i] = children[i].LeadingSegmentId;
            _positions.TryAdd(children[i], i);
            _usages[i] = children[i].Usage;
            _limits[i] = children[i] switch
            {
                X12SegmentRule rule => rule.MaxUse,
                X12LoopSchema loop => loop.Repeat,
                _ => int.MaxValue,
            };
            var qualifier = children[i].LeadingQualifier;
            _qualifierElements[i] = qualifier?.Element ?? -1;
            _qualifierValues[i] = qualifier is null ? [] : [.. qualifier.Values];
            // A set built with another comparer (not what the schema loader does) keeps its own matching rules.
            if (qualifier is not null && !IsOrdinal(qualifier.Values))
                _customQualifiers[i] = qualifier;
        }

        foreach (var group in Enumerable.Range(0, children.Count).GroupBy(i => _ids[i], StringComparer.Ordinal))
            _positionsById[group.Key] = [.. group];
    }

    /// <summary>Positions of the children led by segment <paramref name="segmentId"/>, ascending.</summary>
    public int[] PositionsOf(string segmentId) => _positionsById.GetValueOrDefault(segmentId, []);

    /// <summary>The table of child <paramref name="index"/>, a loop, without a lookup once it has been asked for.</summary>
    public X12LoopTable ChildTable(int index, X12LoopSchema child) => _childTables[index] ??= For(child);

    /// <summary>The table of <paramref name="schema"/>, built on first use and kept as long as the schema lives.</summary>
    public static X12LoopTable For(X12LoopSchema schema) => Tables.GetValue(schema, s => new X12LoopTable(s));

    /// <summary>Number of children.</summary>
    public int Count => _ids.Length;

    /// <summary>
    /// True when child <paramref name="index"/>, found <paramref name="count"/> times, may deserve a finding: required
    /// and absent, not used and present, or present more often than its maximum use / repeat.
    /// </summary>
    public bool MayReport(int index, int count) =>
        count == 0 ? _usages[index] == X12Usage.Required : _usages[index] == X12Usage.NotUsed || count > _limits[index];

    /// <summary>Position of <paramref name="child"/> (this very instance) among the children; -1 when it is not one.</summary>
    public int IndexOf(X12StructureNode child) => _positions.TryGetValue(child, out var index) ? index : -1;

    /// <summary>
    /// Same as <see cref="X12StructureNode.Accepts"/> of child <paramref name="index"/> for the segment at
    /// <paramref name="row"/> of <paramref name="store"/>.
    /// </summary>
    public bool Accepts(int index, X12SegmentStore store, int row, string segmentId)
    {
        if (!string.Equals(_ids[index], segmentId, StringComparison.Ordinal))
            return false;

        var element = _qualifierElements[index];
        if (element < 0)
            return true;

        if (_customQualifiers[index] is { } custom)
            return custom.Matches(store.Get(row));

        // X12Segment's indexer yields "" for element 0 and below, whatever the id.
        var value = element >= 1 ? store.ElementSpan(row, element) : default;
        foreach (var candidate in _qualifierValues[index])
        {
            if (value.SequenceEqual(candidate))
                return true;
        }

        return false;
    }

    private static bool IsOrdinal(IReadOnlySet<string> values) =>
        values is HashSet<string> set && (set.Comparer == StringComparer.Ordinal || set.Comparer == EqualityComparer<string>.Default);

    /// <summary>True when child <paramref name="index"/> is a segment (not a loop) with the id <paramref name="segmentId"/>.</summary>
    public bool IsSegmentWithId(int index, string segmentId, X12LoopSchema schema) =>
        string.Equals(_ids[index], segmentId, StringComparison.Ordinal) && schema.Children[index] is X12SegmentRule;
}
