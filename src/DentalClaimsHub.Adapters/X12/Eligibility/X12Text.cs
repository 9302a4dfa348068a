using System.Text;
using DentalClaimsHub.X12;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Makes free text safe for an X12 element: upper case, printable ASCII, no delimiters, bounded length.</summary>
internal static class X12Text
{
    private const string Delimiters = "*^:~";

    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and <= '~' && !Delimiters.Contains(c, StringComparison.Ordinal))
            {
                text.Append(char.ToUpperInvariant(c));
            }
        }

        var clean = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd();
    }

    /// <summary>A segment without trailing empty elements (X12 forbids trailing delimiters).</summary>
    public static X12Segment Segment(string id, params string[] elements)
    {
        var count = elements.Length;
        while (count > 0 && elements[count - 1].Length == 0)
        {
            count--;
        }

        return X12Segment.Create(id, elements[..count]);
    }
}
