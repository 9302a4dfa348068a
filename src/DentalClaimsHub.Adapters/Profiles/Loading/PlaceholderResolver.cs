using System.Text;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> from a variables dictionary; an empty variable counts as
/// unset, as in POSIX shells, so the default applies.
/// </summary>
internal static partial class PlaceholderResolver
{
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Expands <paramref name="text"/>; names with neither value nor default come back in <paramref name="missing"/>.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> variables, out IReadOnlyList<string> missing)
    {
        var unknown = new List<string>();
        var result = Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }

            if (match.Groups["default"].Success)
            {
                return match.Groups["default"].Value;
            }

            unknown.Add(name);
            return match.Value;
        });
        missing = unknown;
        return result;
    }

    /// <summary>True when <paramref name="text"/> contains a <c>${</c> that is not a well-formed placeholder.</summary>
    public static bool HasMalformedPlaceholder(string text)
    {
        var stripped = Placeholder().Replace(text, string.Empty);
        return stripped.Contains("${", StringComparison.Ordinal);
    }

    /// <summary>Renders the names as a readable list for error messages.</summary>
    public static string Describe(IEnumerable<string> names) =>
        new StringBuilder().AppendJoin(", ", names.Select(name => "${" + name + "}")).ToString();
}
