using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Storage.Rosters;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// The reasons the import itself gives (the runner's failures, the applier's notices), each with its English wording; the
/// reader's are <see cref="DmsRosterReasons"/>. Args are listed per code, invariant culture.
/// </summary>
public static class RosterImportReasons
{
    /// <summary>The import's lease ran out three times. No args.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Args: the insurer's payer id.</summary>
    public const string NoLayout = "no-layout";

    /// <summary>Some rows could not be read and a full list is all or nothing. Args: how many rows.</summary>
    public const string RowsRejectedFullList = "rows-rejected-full-list";

    /// <summary>Some rows could not be read and the upload did not allow a partial import. Args: how many rows.</summary>
    public const string RowsRejectedNotPartial = "rows-rejected-not-partial";

    /// <summary>A detachment names a known policy under another ФИО or period. No args (the policy is the notice's value).</summary>
    public const string DetachOtherPerson = "detach-other-person";

    /// <summary>A detachment names a policy the clinic does not have. No args.</summary>
    public const string DetachUnknownPolicy = "detach-unknown-policy";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
        [Interrupted, NoLayout, RowsRejectedFullList, RowsRejectedNotPartial, DetachOtherPerson, DetachUnknownPolicy];

    private static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Interrupted] = "the import was interrupted three times; send the file again.",
        [DetachOtherPerson] =
            "nobody with this policy and ФИО is attached on the detachment date (the policy is known under another name or period); nothing was changed.",
        [DetachUnknownPolicy] = "nobody with this policy is attached to the clinic; the detachment was not applied.",
    };

    public static DmsRosterReason Of(string code) => new(code, [], Fixed[code]);

    public static DmsRosterReason NoLayoutFor(string payerId) =>
        new(NoLayout, [payerId], $"the insurer '{payerId}' has no roster layout in mappings/dms.");

    public static DmsRosterReason RowsRejected(int count, bool fullList)
    {
        var why = fullList ? "a full list is applied whole or not at all" : "the import was not marked partial";
        return new(fullList ? RowsRejectedFullList : RowsRejectedNotPartial, [count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            $"{count} row(s) could not be read, so nothing was applied ({why}); the rows are listed.");
    }

    /// <summary>A reader's row error as the import stores it, with its code.</summary>
    public static RosterImportError Stored(DmsRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Row, error.Column, error.Value, error.Reason) { Code = error.Code, Args = error.Code is null ? null : error.Args };
    }

    /// <summary>
    /// The code of a reason stored before codes existed, recognised by its English (the reader's, the file layer's or the
    /// import's own); null when it is none of them.
    /// </summary>
    public static DmsRosterReason? Recognise(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (code, english) in Fixed)
        {
            if (english == text)
            {
                return new(code, [], text);
            }
        }

        if (text.StartsWith("the insurer '", StringComparison.Ordinal) && text.EndsWith("' has no roster layout in mappings/dms.", StringComparison.Ordinal))
        {
            return new(NoLayout, [text["the insurer '".Length..^"' has no roster layout in mappings/dms.".Length]], text);
        }

        if (text.IndexOf(" row(s) could not be read, so nothing was applied (", StringComparison.Ordinal) is > 0 and var at
            && int.TryParse(text.AsSpan(0, at), System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return new(text.Contains("a full list is applied whole", StringComparison.Ordinal) ? RowsRejectedFullList : RowsRejectedNotPartial,
                [count.ToString(System.Globalization.CultureInfo.InvariantCulture)], text);
        }

        return DmsRosterReasonRecognition.Recognise(text);
    }
}
