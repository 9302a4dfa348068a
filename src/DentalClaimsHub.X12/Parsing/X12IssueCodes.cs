namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Issue codes of the schema layer. They carry the 999 code they map to:
/// <c>IK304-n</c> (segment), <c>IK403-n</c> (element), <c>IK502-n</c> (transaction set), <c>SNIP3-…</c> (balancing).
/// </summary>
public static class X12IssueCodes
{
    /// <summary>Prefix of segment-level syntax errors (999 IK304).</summary>
    public const string SegmentPrefix = "IK304-";

    /// <summary>Prefix of element-level syntax errors (999 IK403).</summary>
    public const string ElementPrefix = "IK403-";

    /// <summary>Prefix of transaction-set-level errors (999 IK502).</summary>
    public const string TransactionPrefix = "IK502-";

    /// <summary>Prefix of functional-group-level errors (999 AK905).</summary>
    public const string GroupPrefix = "AK905-";

    /// <summary>Prefix of SNIP level 3 balancing errors.</summary>
    public const string BalancingPrefix = "SNIP3-";

    /// <summary>Segment error with a 999 IK304 code (1–8, I4, I6–I9).</summary>
    public static string Segment(string ik304) => SegmentPrefix + ik304;

    /// <summary>Element error with a 999 IK403 code (1–13, I6, I9–I13).</summary>
    public static string Element(string ik403) => ElementPrefix + ik403;

    /// <summary>Transaction set error with a 999 IK502 code.</summary>
    public static string Transaction(string ik502) => TransactionPrefix + ik502;

    /// <summary>Functional group error with a 999 AK905 code.</summary>
    public static string Group(string ak905) => GroupPrefix + ak905;

    /// <summary>Balancing error, e.g. <c>SNIP3-CLM02</c>.</summary>
    public static string Balancing(string rule) => BalancingPrefix + rule;

    /// <summary>The 999 code carried by <paramref name="code"/> after <paramref name="prefix"/>, or null.</summary>
    public static string? CodeAfter(string code, string prefix) =>
        code.StartsWith(prefix, StringComparison.Ordinal) ? code[prefix.Length..] : null;
}
