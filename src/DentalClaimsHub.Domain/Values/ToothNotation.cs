namespace DentalClaimsHub.Domain.Values;

/// <summary>
/// The arithmetic between the two notations. Universal numbers run clockwise as the dentist faces the patient,
/// starting at the upper right third molar (1 = FDI 18, 16 = 28, 17 = 38, 32 = 48); primary letters likewise from the
/// upper right second molar (A = 55, J = 65, K = 75, T = 85).
/// </summary>
internal static class ToothNotation
{
    /// <summary>FDI number for a Universal designation, or 0 when it is not one.</summary>
    public static int UniversalToFdi(string text)
    {
        var letter = text.Length == 1 ? LookAlikes.ToLatinLetter(text[0]) : '\0';
        if (letter is >= 'A' and <= 'T')
        {
            return PrimaryToFdi(letter - 'A' + 1);
        }

        // Accept a leading zero ("01") as PMS exports often pad.
        if (text.Length is 1 or 2 && Guard.AllDigits(text))
        {
            var number = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return number is >= 1 and <= 32 ? PermanentToFdi(number) : 0;
        }

        return 0;
    }

    /// <summary>The FDI number itself, or 0 when the text is not a valid FDI tooth. "1.6" is read as 16.</summary>
    public static int ParseFdi(string text)
    {
        if (text.Length == 3 && text[1] == '.')
        {
            text = string.Concat(text[0], text[2]);
        }

        if (text.Length != 2 || !Guard.AllDigits(text))
        {
            return 0;
        }

        var quadrant = text[0] - '0';
        var position = text[1] - '0';
        var valid = quadrant switch
        {
            >= 1 and <= 4 => position is >= 1 and <= 8,
            >= 5 and <= 8 => position is >= 1 and <= 5,
            _ => false,
        };
        return valid ? quadrant * 10 + position : 0;
    }

    /// <summary>The Universal designation of a valid FDI number.</summary>
    public static string FdiToUniversal(int fdi)
    {
        var quadrant = fdi / 10;
        var position = fdi % 10;
        return quadrant switch
        {
            1 => (9 - position).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => (8 + position).ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => (25 - position).ToString(System.Globalization.CultureInfo.InvariantCulture),
            4 => (24 + position).ToString(System.Globalization.CultureInfo.InvariantCulture),
            5 => ((char)('A' + 5 - position)).ToString(),
            6 => ((char)('E' + position)).ToString(),
            7 => ((char)('K' + 5 - position)).ToString(),
            8 => ((char)('O' + position)).ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(fdi), fdi, "Not an FDI tooth number."),
        };
    }

    private static int PermanentToFdi(int universal) => universal switch
    {
        <= 8 => 10 + (9 - universal),
        <= 16 => 20 + (universal - 8),
        <= 24 => 30 + (25 - universal),
        _ => 40 + (universal - 24),
    };

    // 1 = A … 20 = T
    private static int PrimaryToFdi(int letter) => letter switch
    {
        <= 5 => 50 + (6 - letter),
        <= 10 => 60 + (letter - 5),
        <= 15 => 70 + (16 - letter),
        _ => 80 + (letter - 15),
    };
}
