using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// A tooth, written in the notation it arrived in (<see cref="System"/>): Universal "1"–"32" / "A"–"T" or FDI
/// "11"–"48" / "51"–"85". Converts both ways without loss, so a US claim can show FDI and a Russian registry
/// can be sent as Universal. Supernumerary teeth are not representable and are rejected.
/// </summary>
public readonly record struct ToothNumber
{
    // Storage keeps owned records as JSON; System.Text.Json builds structs through their default constructor unless
    // told otherwise, which would skip validation and lose every property.
    /// <summary>Parses like <see cref="Parse"/>, throwing the same way; lets serializers rebuild the value from its properties.</summary>
    [JsonConstructor]
    public ToothNumber(ToothSystem system, string value) => this = Parse(value, system);

    private ToothNumber(ToothSystem system, string value, int fdi)
    {
        System = system;
        Value = value;
        Fdi = fdi;
    }

    /// <summary>The notation of <see cref="Value"/>.</summary>
    public ToothSystem System { get; }

    /// <summary>The tooth as written in <see cref="System"/>: "14", "A", "36".</summary>
    public string Value { get; }

    /// <summary>The quadrant, seen from the patient.</summary>
    public Quadrant Quadrant => (Quadrant)(FdiQuadrantDigit is > 4 ? FdiQuadrantDigit - 4 : FdiQuadrantDigit);

    /// <summary>True for a primary (deciduous) tooth.</summary>
    public bool IsPrimary => FdiQuadrantDigit > 4;

    /// <summary>Upper or lower arch.</summary>
    public Arch Arch => Quadrant.GetArch();

    /// <summary>Position from the midline, 1 (central incisor) to 8 (third molar) or 5 (primary second molar).</summary>
    public int Position => Fdi % 10;

    // Both notations are derived from the FDI number; it is not part of equality beyond what System/Value imply.
    private int Fdi { get; }

    private int FdiQuadrantDigit => Fdi / 10;

    /// <summary>Parses a tooth in the given notation; throws <see cref="DomainException"/> when invalid.</summary>
    public static ToothNumber Parse(string? value, ToothSystem system) =>
        TryParse(value, system, out var tooth)
            ? tooth
            : throw new DomainException(system == ToothSystem.Fdi
                ? $"FDI tooth must be 11–18, 21–28, 31–38, 41–48 or 51–55, 61–65, 71–75, 81–85, got '{value}'."
                : $"Universal tooth must be 1–32 or A–T, got '{value}'.", nameof(value));

    /// <summary>Parses a tooth in the given notation without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, ToothSystem system, out ToothNumber tooth)
    {
        tooth = default;
        var text = value is null ? string.Empty : LookAlikes.WithoutWhitespace(value).ToUpperInvariant();
        var fdi = system switch
        {
            ToothSystem.Universal => ToothNotation.UniversalToFdi(text),
            ToothSystem.Fdi => ToothNotation.ParseFdi(text),
            _ => 0,
        };
        if (fdi == 0)
        {
            return false;
        }

        tooth = system == ToothSystem.Fdi
            ? FromFdi(fdi)
            : new ToothNumber(ToothSystem.Universal, ToothNotation.FdiToUniversal(fdi), fdi);
        return true;
    }

    /// <summary>Parses a Universal tooth ("1"–"32", "A"–"T").</summary>
    public static ToothNumber ParseUniversal(string? value) => Parse(value, ToothSystem.Universal);

    /// <summary>Parses an FDI tooth ("11"–"48", "51"–"85").</summary>
    public static ToothNumber ParseFdi(string? value) => Parse(value, ToothSystem.Fdi);

    /// <summary>This tooth in FDI notation.</summary>
    public ToothNumber ToFdi() => System == ToothSystem.Fdi ? this : FromFdi(Fdi);

    /// <summary>This tooth in Universal notation.</summary>
    public ToothNumber ToUniversal() =>
        System == ToothSystem.Universal ? this : new ToothNumber(ToothSystem.Universal, ToothNotation.FdiToUniversal(Fdi), Fdi);

    /// <summary>This tooth in the requested notation.</summary>
    public ToothNumber To(ToothSystem system) => system == ToothSystem.Fdi ? ToFdi() : ToUniversal();

    /// <summary>True when both denote the same tooth, whatever notation each is written in.</summary>
    public bool IsSameTooth(ToothNumber other) => Fdi == other.Fdi;

    public override string ToString() => Value ?? string.Empty;

    private static ToothNumber FromFdi(int fdi) => new(ToothSystem.Fdi, fdi.ToString(CultureInfo.InvariantCulture), fdi);
}
