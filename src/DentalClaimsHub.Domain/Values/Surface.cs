using System.Diagnostics.CodeAnalysis;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// A tooth surface as coded on dental claims (X12 TOO03, ADA tooth surface codes). The numeric values give the
/// canonical writing order M, O, I, D, B, F, L, so "DOM" is written "MOD".
/// </summary>
public enum Surface
{
    /// <summary>M — mesial.</summary>
    Mesial = 1,

    /// <summary>O — occlusal (posterior teeth).</summary>
    Occlusal = 2,

    /// <summary>I — incisal (anterior teeth).</summary>
    Incisal = 3,

    /// <summary>D — distal.</summary>
    Distal = 4,

    /// <summary>B — buccal (posterior teeth).</summary>
    Buccal = 5,

    /// <summary>F — facial / labial (anterior teeth).</summary>
    Facial = 6,

    /// <summary>L — lingual / palatal.</summary>
    Lingual = 7,
}

/// <summary>Single-letter codes for <see cref="Surface"/>.</summary>
public static class SurfaceCodes
{
    /// <summary>The letter code: M, O, I, D, B, F or L.</summary>
    public static char ToCode(this Surface surface) => surface switch
    {
        Surface.Mesial => 'M',
        Surface.Occlusal => 'O',
        Surface.Incisal => 'I',
        Surface.Distal => 'D',
        Surface.Buccal => 'B',
        Surface.Facial => 'F',
        Surface.Lingual => 'L',
        _ => throw new DomainException($"Surface '{surface}' is not a known value.", nameof(surface)),
    };

    /// <summary>Reads a letter code (any case) without throwing.</summary>
    public static bool TryFromCode(char code, [NotNullWhen(true)] out Surface? surface)
    {
        surface = char.ToUpperInvariant(code) switch
        {
            'M' => Surface.Mesial,
            'O' => Surface.Occlusal,
            'I' => Surface.Incisal,
            'D' => Surface.Distal,
            'B' => Surface.Buccal,
            'F' => Surface.Facial,
            'L' => Surface.Lingual,
            _ => null,
        };
        return surface is not null;
    }

    /// <summary>Reads a letter code (any case); throws <see cref="DomainException"/> for anything else.</summary>
    public static Surface FromCode(char code) =>
        TryFromCode(code, out var surface)
            ? surface.Value
            : throw new DomainException($"'{code}' is not a tooth surface code (M, O, I, D, B, F, L).", nameof(code));
}
