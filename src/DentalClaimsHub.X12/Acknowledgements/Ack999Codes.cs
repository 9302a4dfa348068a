using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>Maps findings to 005010X231A1 codes: IK304 segment errors and IK403 element errors.</summary>
internal static class Ack999Codes
{
    private static readonly HashSet<string> SegmentCodes = ["1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"];
    private static readonly HashSet<string> ElementCodes = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "I6", "I9", "I10", "I11", "I12", "I13"];

    /// <summary>IK304 for a segment-level finding, or null.</summary>
    public static string? SegmentCode(X12Finding finding)
    {
        var code = X12IssueCodes.CodeAfter(finding.Issue.Code, X12IssueCodes.SegmentPrefix);
        return code is not null && SegmentCodes.Contains(code) ? code : null;
    }

    /// <summary>IK403 for an element-level finding, or null. Balancing failures are reported as I12 on the total element.</summary>
    public static string? ElementCode(X12Finding finding)
    {
        if (finding.Issue.Code.StartsWith(X12IssueCodes.BalancingPrefix, StringComparison.Ordinal))
            return "I12";
        var code = X12IssueCodes.CodeAfter(finding.Issue.Code, X12IssueCodes.ElementPrefix);
        return code is not null && ElementCodes.Contains(code) ? code : null;
    }
}
