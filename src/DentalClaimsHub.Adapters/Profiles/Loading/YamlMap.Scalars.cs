using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal sealed partial class YamlMap
{
    /// <summary>A scalar string; null when absent (reported when required) or not a scalar.</summary>
    public string? String(string key, bool required = false)
    {
        var value = Find(key, required);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Sink.Add(value.Start, FieldPath(key), "must be a single value.");
        return null;
    }

    /// <summary>A string that must match <paramref name="check"/>; <paramref name="rule"/> explains the rule.</summary>
    public string? Checked(string key, bool required, Func<string, bool> check, string rule)
    {
        var text = String(key, required);
        if (text is not null && !check(text))
        {
            Sink.Add(StartOf(key), FieldPath(key), $"'{text}' is invalid: {rule}.");
            return null;
        }

        return text;
    }

    public bool Bool(string key, bool fallback) =>
        Parse(key, fallback, "true or false", text => bool.TryParse(text, out var value) ? value : null);

    public int Int(string key, int fallback, int min, int max) =>
        Parse(key, fallback, $"an integer from {min} to {max}", text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : null);

    public double Ratio(string key, double fallback) =>
        Parse(key, fallback, "a number greater than 0 and at most 1", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 1
                ? value
                : null);

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Parse(key, fallback, "a positive duration such as 500ms, 30s, 5m, 2h, 14d or 00:00:30", DurationText.TryParse);

    /// <summary>Position of the value of <paramref name="key"/>, or of this mapping when absent.</summary>
    public YamlDotNet.Core.Mark StartOf(string key)
    {
        foreach (var child in node.Children)
        {
            if (child.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return child.Value.Start;
            }
        }

        return node.Start;
    }

    private T Parse<T>(string key, T fallback, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = String(key);
        if (text is null)
        {
            return fallback;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            Sink.Add(StartOf(key), FieldPath(key), $"'{text}' is invalid: expected {expected}.");
            return fallback;
        }

        return value.Value;
    }
}
