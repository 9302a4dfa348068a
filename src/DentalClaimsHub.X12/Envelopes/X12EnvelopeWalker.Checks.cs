namespace DentalClaimsHub.X12.Envelopes;

internal sealed partial class X12EnvelopeWalker
{
    private const int MaxElements = 99;

    private void CheckSyntax(X12Segment segment)
    {
        var target = _st?.Issues ?? _gs?.Issues ?? _isa?.Issues;
        if (!X12FieldRules.IsSegmentId(segment.Id))
        {
            Report(target, X12EnvelopeCodes.Segment("1"),
                $"'{Printable(segment.Id)}' is not a valid segment identifier (2 or 3 upper-case letters/digits).", segment, null);
            return;
        }

        if (segment.ElementCount == 0)
        {
            Report(target, X12EnvelopeCodes.Segment("8"), $"Segment {segment.Id} has no data elements.", segment, null);
        }
        else if (segment.ElementCount > MaxElements)
        {
            Report(target, X12EnvelopeCodes.Element("3"),
                $"Segment {segment.Id} has {segment.ElementCount} data elements; no X12 segment has more than {MaxElements}.", segment,
                MaxElements + 1);
        }
        else if (segment.ElementSpan(segment.ElementCount).IsEmpty && segment.Id != "ISA")
        {
            Report(target, X12EnvelopeCodes.TrailingSeparator,
                $"Segment {segment.Id} ends with an empty element: trailing element separators are not allowed.", segment,
                segment.ElementCount, X12IssueSeverity.Warning);
        }
    }

    private void CheckGs(X12Segment gs, List<X12Issue> issues)
    {
        CheckCount(gs, 8, 8, issues);
        Require(gs, 1, gs[1].Length == 2 && gs[1].All(char.IsAsciiLetterUpper), "a 2-letter functional identifier code", "7", issues);
        Require(gs, 2, gs[2].Length is >= 2 and <= 15, "the application sender's code (2 to 15 characters)", "4", issues);
        Require(gs, 3, gs[3].Length is >= 2 and <= 15, "the application receiver's code (2 to 15 characters)", "4", issues);
        Require(gs, 4, X12FieldRules.IsDate(gs[4]) && gs[4].Length == 8, "a valid date in CCYYMMDD format", "8", issues);
        Require(gs, 5, X12FieldRules.IsTime(gs[5]), "a valid time in HHMM, HHMMSS or HHMMSSDD format", "9", issues);
        if (!X12FieldRules.IsDigits(gs[6], 1, 9))
        {
            Report(issues, X12EnvelopeCodes.Group("6"), $"GS06 '{gs[6]}' must be a group control number of 1 to 9 digits.", gs, 6);
        }

        Require(gs, 7, gs[7] == "X", "'X' (Accredited Standards Committee X12)", "7", issues);
        Require(gs, 8, gs[8].Length is >= 1 and <= 12, "the version / release / industry identifier (for example 005010X224A2)", "1",
            issues);
    }

    private void CheckSt(X12Segment st, List<X12Issue> issues)
    {
        CheckCount(st, 2, 3, issues);
        if (!X12FieldRules.IsDigits(st[1], 3, 3))
        {
            Report(issues, X12EnvelopeCodes.Transaction("6"), $"ST01 '{st[1]}' must be a 3-digit transaction set identifier.", st, 1);
        }

        if (st[2].Length is < 4 or > 9 || !st[2].All(char.IsAsciiLetterOrDigit))
        {
            Report(issues, X12EnvelopeCodes.Transaction("7"),
                $"ST02 '{st[2]}' must be a transaction set control number of 4 to 9 characters.", st, 2);
        }
    }

    private void CheckCount(X12Segment segment, int min, int max, List<X12Issue> issues)
    {
        if (segment.ElementCount < min)
        {
            Report(issues, X12EnvelopeCodes.Element("1"),
                $"{segment.Id} has {segment.ElementCount} elements but needs {min}.", segment, segment.ElementCount + 1);
        }
        else if (segment.ElementCount > max)
        {
            Report(issues, X12EnvelopeCodes.Element("3"),
                $"{segment.Id} has {segment.ElementCount} elements but allows at most {max}.", segment, max + 1);
        }
    }

    private void Require(X12Segment segment, int element, bool ok, string expected, string ik403, List<X12Issue> issues)
    {
        if (!ok && element <= segment.ElementCount)
        {
            Report(issues, X12EnvelopeCodes.Element(ik403),
                $"{segment.Id}{element:00} '{segment[element]}' is invalid: expected {expected}.", segment, element);
        }
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
}
