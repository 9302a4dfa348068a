namespace DentalClaimsHub.Api.Validation;

/// <summary>Builds JSON paths (<c>$.coverage.memberId</c>, <c>$.lines[2].fee</c>) for validation errors.</summary>
public static class JsonPath
{
    public const string Root = "$";

    public static string Property(this string path, string name) => $"{path}.{name}";

    public static string Index(this string path, int index) => $"{path}[{index}]";

    /// <summary>System.Text.Json reports paths like <c>$.birthDate</c> or <c>$['x']</c>; keep them, default to the root.</summary>
    public static string FromSerializerPath(string? path) => string.IsNullOrEmpty(path) ? Root : path;
}
