using System.Globalization;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Transaction-set and group trailer checks that the 999 reports in IK5 and AK9.</summary>
internal static class X12EnvelopeChecks
{
    public static void CheckTransaction(X12Transaction transaction, X12FindingSink sink)
    {
        if (transaction.Trailer is not { } se)
            return;

        var count = transaction.Root.CountSegments();
        if (se[1] != count.ToString(CultureInfo.InvariantCulture))
            sink.Transaction(se, "4", $"SE01 says {(se[1].Length == 0 ? "nothing" : se[1])} segments but the transaction set has {count}");
        if (se[2] != transaction.ControlNumber)
            sink.Transaction(se, "3", $"SE02 '{se[2]}' does not match ST02 '{transaction.ControlNumber}'");
    }

    public static void CheckGroup(X12FunctionalGroup group, X12FindingSink sink)
    {
        if (group.Trailer is not { } ge)
        {
            if (group.Header.Ordinal > 0)
                sink.Add(GroupFinding(group.Header, "3", $"functional group {group.ControlNumber} has no GE trailer"));
            return;
        }

        var count = group.Transactions.Count.ToString(CultureInfo.InvariantCulture);
        if (ge[1] != count)
            sink.Add(GroupFinding(ge, "5", $"GE01 says {ge[1]} transaction sets but the group has {count}"));
        if (ge[2] != group.ControlNumber)
            sink.Add(GroupFinding(ge, "4", $"GE02 '{ge[2]}' does not match GS06 '{group.ControlNumber}'"));
    }

    private static X12Finding GroupFinding(X12Segment segment, string ak905, string reason) =>
        new(new X12Issue(X12IssueSeverity.Error, X12IssueCodes.Group(ak905), $"Segment {segment.Ordinal} ({segment.Id}): {reason}.",
            segment.Ordinal, segment.Id, null, null, null, segment.ByteOffset));
}
