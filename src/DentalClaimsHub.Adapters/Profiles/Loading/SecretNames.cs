using System.Text.RegularExpressions;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>Secret references are configuration names such as <c>DEMO_X12_USER</c>, never the secret values.</summary>
internal static partial class SecretNames
{
    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string name) => Pattern().IsMatch(name);
}
