using System.Collections.Concurrent;

namespace DentalClaimsHub.Api;

/// <summary>How enum values read in the API's JSON: camelCase names (<c>partiallyPaid</c>, <c>guaranteeLetter</c>).</summary>
public static class JsonNames
{
    /// <summary>The enum value's name in camelCase, made once per value (a check's answer names a few per benefit line).</summary>
    public static string Camel<T>(T value)
        where T : struct, Enum => Names<T>.Of.GetOrAdd(value, static v => Camel(v.ToString()));

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Of = new();
    }
}
