namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>Whether a cell's number format shows a date or time (then its number is an Excel serial date).</summary>
internal static class XlsxNumberFormats
{
    public static bool IsDate(int id, string? code)
    {
        // ECMA-376 18.8.30 built-in formats 14–22 and 45–47 are dates and times; 27–36 and 50–58 are the East Asian
        // locales' date formats.
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        return code is not null && IsDateCode(code);
    }

    // A date/time token (d, m, y, h, s, or [h]/[m]/[s] elapsed time) outside quotes, escapes and [colour/locale] brackets,
    // in the first section of the code.
    private static bool IsDateCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case ';':
                    return false;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var inside = end < 0 ? "" : code[(i + 1)..end];
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        return true;
                    }

                    i = end < 0 ? code.Length : end;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }
}
