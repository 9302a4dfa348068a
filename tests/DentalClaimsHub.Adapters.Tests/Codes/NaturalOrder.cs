using System.Text.RegularExpressions;

namespace DentalClaimsHub.Adapters.Tests.Codes;

/// <summary>Orders codes the way the files are sorted: runs of digits as numbers, numbers before letters (2 &lt; 16 &lt; B1 &lt; B13).</summary>
internal sealed partial class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Runs().Matches(x ?? "");
        var b = Runs().Matches(y ?? "");
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var left = a[i].Value;
            var right = b[i].Value;
            var leftDigits = char.IsAsciiDigit(left[0]);
            var rightDigits = char.IsAsciiDigit(right[0]);
            var order = (leftDigits, rightDigits) switch
            {
                (true, true) => long.Parse(left, System.Globalization.CultureInfo.InvariantCulture)
                    .CompareTo(long.Parse(right, System.Globalization.CultureInfo.InvariantCulture)),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left, right),
            };
            if (order != 0)
                return order;
        }

        return a.Count.CompareTo(b.Count);
    }

    [GeneratedRegex(@"\d+|\D+")]
    private static partial Regex Runs();
}
