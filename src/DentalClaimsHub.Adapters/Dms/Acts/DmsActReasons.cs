using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Adapters.Dms.Rosters;

namespace DentalClaimsHub.Adapters.Dms.Acts;

/// <summary>
/// The reasons the act reader gives for a row it leaves out, each with its English wording as the reader has always written
/// it. A reason that means what a roster's does keeps the roster's code (<see cref="DmsRosterReasons.NotADate"/>); the
/// console words both with the same <c>RosterReason.*</c> texts. A reason stored before codes is recognised by its English.
/// </summary>
public static partial class DmsActReasons
{
    public const string ClaimEmpty = "act-claim-empty";

    public const string ClaimTooLong = "act-claim-too-long";

    public const string ServiceCodeInvalid = "act-service-code-invalid";

    public const string ToothInvalid = "act-tooth-invalid";

    public const string QuantityInvalid = "act-quantity-invalid";

    public const string AmountInvalid = "act-amount-invalid";

    public const string BilledEmpty = "act-billed-empty";

    public const string AmountsMissing = "act-amounts-missing";

    public const string AmountsExceedBilled = "act-amounts-exceed-billed";

    /// <summary>Args: accepted, refused and billed, invariant with two decimals.</summary>
    public const string AmountsDoNotAddUp = "act-amounts-do-not-add-up";

    public const string RefusalReasonMissing = "act-refusal-reason-missing";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ClaimEmpty, ClaimTooLong, ServiceCodeInvalid, ToothInvalid, QuantityInvalid, AmountInvalid, BilledEmpty, AmountsMissing,
        AmountsExceedBilled, AmountsDoNotAddUp, RefusalReasonMissing,
    ];

    private static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ClaimEmpty] = "our claim number is empty.",
        [ClaimTooLong] = "our claim number is longer than 50 characters.",
        [ServiceCodeInvalid] = "not a code of the 804н nomenclature (e.g. A16.07.002).",
        [ToothInvalid] = "not a tooth in FDI notation (11–48, 51–85).",
        [QuantityInvalid] = "not a whole quantity from 1 to 999.",
        [AmountInvalid] = "not an amount in roubles (e.g. 2500,00).",
        [BilledEmpty] = "the billed amount is empty.",
        [AmountsMissing] = "neither the accepted nor the refused amount is given.",
        [AmountsExceedBilled] = "the accepted or refused amount is more than was billed.",
        [RefusalReasonMissing] = "a refused amount needs a reason (code or text).",
    };

    /// <summary>A reason without values.</summary>
    public static DmsRosterReason Of(string code) => new(code, [], Fixed[code]);

    public static DmsRosterReason DoNotAddUp(decimal accepted, decimal refused, decimal billed)
    {
        string[] args = [Amount(accepted), Amount(refused), Amount(billed)];
        return new(AmountsDoNotAddUp, args, $"accepted {args[0]} and refused {args[1]} do not add up to the billed {args[2]}.");
    }

    /// <summary>An act reason from its English (a row finding stored before codes existed); null for any other text.</summary>
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

        return DoNotAddUpPattern().Match(text) is { Success: true } match
            ? new(AmountsDoNotAddUp, [match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value], text)
            : null;
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^accepted (-?\d+\.\d\d) and refused (-?\d+\.\d\d) do not add up to the billed (-?\d+\.\d\d)\.$")]
    private static partial Regex DoNotAddUpPattern();
}
