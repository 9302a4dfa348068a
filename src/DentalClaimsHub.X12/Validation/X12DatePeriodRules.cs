namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// Dates carried as text with a format qualifier (DTP02/DTP03, DMG01/DMG02): D8 is CCYYMMDD, RD8 is CCYYMMDD-CCYYMMDD
/// with the start not after the end.
/// </summary>
internal static class X12DatePeriodRules
{
    public static void Check(X12Segment segment, string? loopId, X12FindingSink sink)
    {
        var (qualifierPosition, valuePosition) = segment.Id switch
        {
            "DTP" => (2, 3),
            "DMG" => (1, 2),
            _ => (0, 0),
        };
        if (qualifierPosition == 0)
            return;

        var value = segment.ElementSpan(valuePosition);
        if (value.IsEmpty)
            return;

        var format = segment.ElementSpan(qualifierPosition);
        var ok = format switch
        {
            "D8" => X12Dates.IsCcyymmdd(value),
            "RD8" => IsPeriod(value),
            _ => true,
        };
        if (!ok)
        {
            sink.Element(segment, loopId, "8", valuePosition, null, "1251", value.ToString(),
                $"{segment.Id}{valuePosition:00} '{value}' is not a valid {(format is "D8" ? "CCYYMMDD date" : "CCYYMMDD-CCYYMMDD period")}");
        }
    }

    // Exactly two dates joined by one '-', the start not after the end.
    private static bool IsPeriod(ReadOnlySpan<char> value)
    {
        var dash = value.IndexOf('-');
        if (dash < 0)
            return false;
        var start = value[..dash];
        var end = value[(dash + 1)..];
        return !end.Contains('-') && X12Dates.IsCcyymmdd(start) && X12Dates.IsCcyymmdd(end) && start.SequenceCompareTo(end) <= 0;
    }
}
