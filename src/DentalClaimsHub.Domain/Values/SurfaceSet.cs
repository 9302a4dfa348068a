using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// The surfaces of one tooth a procedure touches, at most five (X12 TOO03 has five components). Parsing accepts
/// "mod", "M,O,D", "M O D" or "DOM", removes duplicates and writes them in canonical order: all give "MOD".
/// </summary>
public readonly record struct SurfaceSet
{
    /// <summary>The most surfaces one tooth line can carry.</summary>
    public const int MaxSurfaces = 5;

    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from <see cref="Value"/>.</summary>
    [JsonConstructor]
    public SurfaceSet(string value) => this = Parse(value);

    /// <summary>No surfaces.</summary>
    public static SurfaceSet Empty => default;

    /// <summary>Canonical letters, e.g. "MOD"; empty when no surface applies.</summary>
    public string Value
    {
        get => field ?? string.Empty;
        private init => field = value.Length == 0 ? null : value;
    }

    /// <summary>How many surfaces.</summary>
    public int Count => Value.Length;

    public bool IsEmpty => Count == 0;

    /// <summary>The surfaces in canonical order.</summary>
    public IReadOnlyList<Surface> Surfaces => Value.Select(SurfaceCodes.FromCode).ToArray();

    /// <summary>True when the set includes <paramref name="surface"/>.</summary>
    public bool Contains(Surface surface) => Value.Contains(surface.ToCode(), StringComparison.Ordinal);

    /// <summary>Parses letters; blank gives <see cref="Empty"/>. Throws <see cref="DomainException"/> on an unknown letter or more than five.</summary>
    public static SurfaceSet Parse(string? value) =>
        TryParse(value, out var set, out var error) ? set : throw new DomainException(error, nameof(value));

    /// <summary>Parses letters without throwing.</summary>
    public static bool TryParse(string? value, out SurfaceSet set) => TryParse(value, out set, out _);

    /// <summary>Builds a set from surfaces; throws when more than five distinct surfaces are given.</summary>
    public static SurfaceSet Of(params IEnumerable<Surface> surfaces)
    {
        ArgumentNullException.ThrowIfNull(surfaces);
        return Parse(new string(surfaces.Select(s => s.ToCode()).ToArray()));
    }

    public override string ToString() => Value;

    private static bool TryParse(string? value, out SurfaceSet set, [NotNullWhen(false)] out string? error)
    {
        set = Empty;
        error = null;
        var found = new SortedSet<Surface>();
        foreach (var c in value ?? string.Empty)
        {
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '/' or '-' or '.')
            {
                continue;
            }

            if (!SurfaceCodes.TryFromCode(c, out var surface))
            {
                error = $"'{c}' in '{value}' is not a tooth surface code (M, O, I, D, B, F, L).";
                return false;
            }

            found.Add(surface.Value);
        }

        if (found.Count > MaxSurfaces)
        {
            error = $"At most {MaxSurfaces} surfaces per tooth, got {found.Count} in '{value}'.";
            return false;
        }

        var text = new StringBuilder(found.Count);
        foreach (var surface in found)
        {
            text.Append(surface.ToCode());
        }

        set = new SurfaceSet { Value = text.ToString() };
        return true;
    }
}
