using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal sealed partial class YamlMap
{
    /// <summary>A list of strings; a single scalar counts as a one-item list. Null when absent (reported when required).</summary>
    public IReadOnlyList<string>? Strings(string key, bool required = false)
    {
        var value = Find(key, required);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return [scalar.Value ?? string.Empty];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text })
                    {
                        items.Add(text);
                    }
                    else
                    {
                        Sink.Add(item.Start, FieldPath(key), "every item must be a single value.");
                    }
                }

                if (items.Count == 0 && required)
                {
                    Sink.Add(value.Start, FieldPath(key), "must list at least one value.");
                }

                return items;
            default:
                Sink.Add(value.Start, FieldPath(key), "must be a value or a list of values.");
                return null;
        }
    }

    /// <summary>The mappings of a list under <paramref name="key"/>; empty when absent.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var value = Find(key, required: false);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Sink.Add(value.Start, FieldPath(key), "must be a list.");
            return [];
        }

        var maps = new List<YamlMap>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode mapping)
            {
                maps.Add(new YamlMap(mapping, $"{FieldPath(key)}[{i}]", Sink, Variables));
            }
            else
            {
                Sink.Add(sequence.Children[i].Start, $"{FieldPath(key)}[{i}]", "must be a mapping of fields.");
            }
        }

        return maps;
    }

    /// <summary>A regular expression (case-insensitive, culture-invariant, compiled — roster patterns run on every row —, 1 s match
    /// timeout); invalid ones are reported.</summary>
    public Regex? Pattern(string key, bool required = false) => ToPattern(key, String(key, required));

    /// <summary>Several regular expressions, as <see cref="Pattern"/>.</summary>
    public IReadOnlyList<Regex> Patterns(string key) =>
        [.. (Strings(key) ?? []).Select(text => ToPattern(key, text)).OfType<Regex>()];

    private Regex? ToPattern(string key, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            Sink.Add(StartOf(key), FieldPath(key), $"'{text}' is not a valid regular expression: {exception.Message}");
            return null;
        }
    }
}
