using System.Text;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>Maps enum members to the kebab-case words used in YAML (<c>CoreRealtime</c> ↔ <c>core-realtime</c>).</summary>
internal static class KebabEnum
{
    public static string ToKebab<T>(T value)
        where T : struct, Enum => ToKebab(value.ToString());

    public static string ToKebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(ToKebab(candidate), text.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", System.Enum.GetValues<T>().Select(ToKebab));
}
