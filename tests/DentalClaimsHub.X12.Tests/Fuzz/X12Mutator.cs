namespace DentalClaimsHub.X12.Tests.Fuzz;

/// <summary>Seeded, deterministic mutations of X12 text: the kinds of damage real files show.</summary>
public static class X12Mutator
{
    private const string Noise = "*~:^|>0123456789ABCZ \n\r\u001d\u001c\u00e9-.";

    public static string Mutate(string text, Random random)
    {
        var segments = text.Split('~').ToList();
        switch (random.Next(10))
        {
            case 0: return text.Remove(random.Next(text.Length), 1);
            case 1: return text.Insert(random.Next(text.Length), Noise[random.Next(Noise.Length)].ToString());
            case 2: return text[..random.Next(text.Length)];
            case 3:
                segments.RemoveAt(random.Next(segments.Count));
                return string.Join('~', segments);
            case 4:
                var copy = random.Next(segments.Count);
                segments.Insert(copy, segments[copy]);
                return string.Join('~', segments);
            case 5:
                var a = random.Next(segments.Count);
                var b = random.Next(segments.Count);
                (segments[a], segments[b]) = (segments[b], segments[a]);
                return string.Join('~', segments);
            case 6:
                var chars = text.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = char.IsAsciiDigit(chars[at]) ? 'X' : (char)('0' + random.Next(10));
                return new string(chars);
            case 7: return ReplaceElement(segments, random, new string('9', random.Next(1, 120)));
            case 8: return ReplaceElement(segments, random, "");
            default: return ReplaceElement(segments, random, "A:B:C:D:E:F:G^H^I");
        }
    }

    private static string ReplaceElement(List<string> segments, Random random, string value)
    {
        var index = random.Next(segments.Count);
        var elements = segments[index].Split('*');
        if (elements.Length > 1)
            elements[random.Next(1, elements.Length)] = value;
        segments[index] = string.Join('*', elements);
        return string.Join('~', segments);
    }
}
