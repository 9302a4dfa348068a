using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.Rosters;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>
/// The reasons the guarantee-letter reader gives for a row or letter it leaves out, each with its English wording as the
/// reader has always written it. A reason that means what a roster's or an act's does keeps that code
/// (<see cref="DmsRosterReasons.NotADate"/>, <see cref="DmsActReasons.ServiceCodeInvalid"/>, <see cref="DmsActReasons.AmountInvalid"/>).
/// A reason stored before codes is recognised by its English.
/// </summary>
public static partial class DmsGuaranteeLetterReasons
{
    public const string RequestEmpty = "letter-request-empty";

    public const string RequestTooLong = "letter-request-too-long";

    public const string StatusEmpty = "letter-status-empty";

    public const string StatusUnknown = "letter-status-unknown";

    public const string NumberTooLong = "letter-number-too-long";

    public const string LimitInvalid = "letter-limit-invalid";

    public const string ApprovedWithoutCode = "letter-approved-without-code";

    /// <summary>Args: the row that cannot be read.</summary>
    public const string RowUnreadable = "letter-row-unreadable";

    /// <summary>Args: the mapping's field (number, validFrom, validTo, limit), the letter's first row.</summary>
    public const string RowsDisagree = "letter-rows-disagree";

    public const string EndsBeforeStart = "letter-ends-before-start";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        RequestEmpty, RequestTooLong, StatusEmpty, StatusUnknown, NumberTooLong, LimitInvalid, ApprovedWithoutCode, RowUnreadable, RowsDisagree,
        EndsBeforeStart,
    ];

    private static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RequestEmpty] = "our request reference (the claim number we sent) is empty.",
        [RequestTooLong] = "our request reference is longer than 50 characters.",
        [StatusEmpty] = "the status is empty.",
        [StatusUnknown] = "the status is not one this insurer's mapping knows.",
        [NumberTooLong] = "the letter number is longer than 50 characters.",
        [LimitInvalid] = "not an amount in roubles (e.g. 15000,00).",
        [ApprovedWithoutCode] = "an approved amount needs the service's code.",
        [EndsBeforeStart] = "the letter ends before it starts; the letter is not applied.",
    };

    /// <summary>A reason without values.</summary>
    public static DmsRosterReason Of(string code) => new(code, [], Fixed[code]);

    public static DmsRosterReason Unreadable(int row) =>
        new(RowUnreadable, [row.ToString(System.Globalization.CultureInfo.InvariantCulture)], $"the letter is not applied: its row {row} cannot be read.");

    public static DmsRosterReason Disagree(string field, int firstRow) =>
        new(RowsDisagree, [field, firstRow.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            $"the letter's rows disagree: this row's {field} differs from row {firstRow}; the letter is not applied.");

    /// <summary>A letter reason of its own from its English (a row finding stored before codes existed); null for any other text.</summary>
    public static DmsRosterReason? Recognise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Fixed.FirstOrDefault(f => f.Value == text) is { Key: { } code })
        {
            return new(code, [], text);
        }

        if (UnreadablePattern().Match(text) is { Success: true } unreadable)
        {
            return new(RowUnreadable, [unreadable.Groups[1].Value], text);
        }

        return DisagreePattern().Match(text) is { Success: true } disagree
            ? new(RowsDisagree, [disagree.Groups[1].Value, disagree.Groups[2].Value], text)
            : null;
    }

    [GeneratedRegex(@"^the letter is not applied: its row (\d+) cannot be read\.$")]
    private static partial Regex UnreadablePattern();

    [GeneratedRegex(@"^the letter's rows disagree: this row's (\w+) differs from row (\d+); the letter is not applied\.$")]
    private static partial Regex DisagreePattern();
}
