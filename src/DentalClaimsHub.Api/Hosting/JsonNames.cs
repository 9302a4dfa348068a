namespace DentalClaimsHub.Api;

/// <summary>How enum values read in the API's JSON: camelCase names (<c>partiallyPaid</c>, <c>guaranteeLetter</c>).</summary>
public static class JsonNames
{
    public static string Camel<T>(T value)
        where T : struct, Enum => Camel(value.ToString());

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
