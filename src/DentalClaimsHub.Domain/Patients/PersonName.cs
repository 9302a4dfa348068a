using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DentalClaimsHub.Domain.Patients;

/// <summary>
/// A person's name split the way payers want it: last, first, middle (Russian отчество) and suffix ("Jr").
/// Parts are trimmed and inner whitespace collapsed; <see cref="NormalisedKey"/> is the form used for matching.
/// </summary>
public sealed record PersonName
{
    public PersonName(string last, string first, string? middle = null, string? suffix = null)
    {
        Last = Clean(Guard.Required(last, nameof(Last), 60));
        First = Clean(Guard.Required(first, nameof(First), 35));
        Middle = Guard.Optional(middle, nameof(Middle), 60) is { } m ? Clean(m) : null;
        Suffix = Guard.Optional(suffix, nameof(Suffix), 10);
    }

    public string Last { get; }

    public string First { get; }

    public string? Middle { get; }

    public string? Suffix { get; }

    /// <summary>
    /// Upper-case "LAST FIRST MIDDLE" with Ё folded to Е — the key ДМС rosters are deduplicated and matched on.
    /// </summary>
    public string NormalisedKey
    {
        get
        {
            var joined = Middle is null ? $"{Last} {First}" : $"{Last} {First} {Middle}";
            return joined.ToUpperInvariant().Replace('Ё', 'Е');
        }
    }

    /// <summary>
    /// Splits a joined Russian ФИО ("Иванов Иван Иванович") into last, first and middle name. Everything after the
    /// first name is the patronymic, so "Мамедов Рашид Али оглы" keeps "Али оглы". Throws when fewer than two parts.
    /// </summary>
    public static PersonName ParseJoined(string? fullName) =>
        TryParseJoined(fullName, out var name)
            ? name
            : throw new DomainException($"A full name needs at least a last and a first name, got '{fullName}'.", nameof(fullName));

    /// <summary>Like <see cref="ParseJoined"/> but returns false instead of throwing.</summary>
    public static bool TryParseJoined([NotNullWhen(true)] string? fullName, [NotNullWhen(true)] out PersonName? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return false;
        }

        var parts = fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length > 60 || parts[1].Length > 35)
        {
            return false;
        }

        var middle = parts.Length > 2 ? string.Join(' ', parts[2..]) : null;
        if (middle is { Length: > 60 })
        {
            return false;
        }

        name = new PersonName(parts[0], parts[1], middle);
        return true;
    }

    /// <summary>"Last, First Middle", followed by the suffix when there is one.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Last).Append(", ").Append(First);
        if (Middle is not null)
        {
            text.Append(' ').Append(Middle);
        }

        if (Suffix is not null)
        {
            text.Append(' ').Append(Suffix);
        }

        return text.ToString();
    }

    private static string Clean(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
