namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal sealed partial class YamlMap
{
    /// <summary>An enum written in kebab-case (<c>claim-status</c> → <c>ClaimStatus</c>).</summary>
    public T? Enum<T>(string key, bool required = false)
        where T : struct, Enum
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (KebabEnum.TryParse<T>(text, out var value))
        {
            return value;
        }

        Sink.Add(StartOf(key), FieldPath(key), $"'{text}' is not one of: {KebabEnum.Names<T>()}.");
        return null;
    }

    /// <summary>An absolute http(s) URL after placeholder expansion.</summary>
    public Uri? Url(string key, bool required = false)
    {
        var text = Expanded(key, required);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        Sink.Add(StartOf(key), FieldPath(key), $"'{text}' is not an absolute http(s) URL.");
        return null;
    }

    /// <summary>A string with <c>${NAME}</c> / <c>${NAME:-default}</c> placeholders expanded from the variables.</summary>
    public string? Expanded(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (PlaceholderResolver.HasMalformedPlaceholder(text))
        {
            Sink.Add(StartOf(key), FieldPath(key), $"'{text}' has a malformed placeholder; use ${{NAME}} or ${{NAME:-default}}.");
            return null;
        }

        var resolved = PlaceholderResolver.Resolve(text, Variables, out var missing);
        if (missing.Count > 0)
        {
            Sink.Add(
                StartOf(key),
                FieldPath(key),
                $"placeholder {PlaceholderResolver.Describe(missing)} has no value in Hub:Variables and no default.");
            return null;
        }

        return resolved;
    }

    /// <summary>The name of a configuration value holding a secret; the secret itself never lives in a profile.</summary>
    public string? SecretName(string key, bool required = false) =>
        Checked(key, required, SecretNames.IsValid, "name a configuration value in UPPER_SNAKE_CASE, not the secret itself");
}
