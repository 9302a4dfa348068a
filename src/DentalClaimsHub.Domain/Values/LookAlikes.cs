namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// Folds characters that Russian files mix into codes by keyboard layout accident: Cyrillic letters that look like
/// Latin ones ("А16.07.002", "К04.5") and letters that look like digits in numeric parts ("ВОЗ.003.001").
/// </summary>
internal static class LookAlikes
{
    /// <summary>Upper-cases and turns a Cyrillic look-alike into its Latin twin; other characters pass through.</summary>
    public static char ToLatinLetter(char c) => char.ToUpperInvariant(c) switch
    {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        var upper => upper,
    };

    /// <summary>In a position where only a digit is valid, reads O/О as 0 and З as 3; other characters pass through.</summary>
    public static char ToDigit(char c) => char.ToUpperInvariant(c) switch
    {
        'O' or 'О' => '0',
        'З' => '3',
        var upper => upper,
    };

    /// <summary>Removes every kind of whitespace, including the no-break spaces spreadsheets insert.</summary>
    public static string WithoutWhitespace(string value)
    {
        var buffer = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer.Append(c);
            }
        }

        return buffer.ToString();
    }
}
