using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Tables;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>How an insurer's answer to guarantee-letter requests looks: the table, and which status texts mean which
/// decision. One row per letter, or one row per approved/refused service (the service columns are then filled).</summary>
public sealed record DmsGuaranteeLetterLayout
{
    /// <summary>Field names the <c>columns</c> may use. <c>request</c> is our reference the insurer echoes (the claim's
    /// patient control number we sent in the request).</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "request", "number", "date", "validFrom", "validTo", "limit", "status", "serviceCode", "approvedAmount", "note",
    ];

    public required DmsTableLayout Table { get; init; }

    /// <summary>How the clinic's request for a letter is laid out for this insurer; null for the hub's default CSV.</summary>
    public DmsGuaranteeRequestLayout? Request { get; init; }

    /// <summary>Status texts per decision, compared after <see cref="DmsTableCursor.Normalise"/>; a cell matches a text it
    /// equals or begins with.</summary>
    public required IReadOnlyDictionary<GuaranteeDecision, IReadOnlyList<string>> Statuses { get; init; }

    /// <summary>The decision a status cell means, or null when the mapping does not know the text.</summary>
    public GuaranteeDecision? DecisionOf(string status)
    {
        var text = DmsTableCursor.Normalise(status);
        GuaranteeDecision? best = null;
        var length = -1;
        foreach (var (decision, texts) in Statuses)
        {
            foreach (var known in texts)
            {
                var alias = DmsTableCursor.Normalise(known);
                // The longest match wins: "частично согласовано" must not read as "согласовано".
                if (alias.Length > length && (text == alias || text.StartsWith(alias + " ", StringComparison.Ordinal)
                    || text.StartsWith(alias + ",", StringComparison.Ordinal) || text.StartsWith(alias + ".", StringComparison.Ordinal)))
                {
                    best = decision;
                    length = alias.Length;
                }
            }
        }

        return best;
    }
}

/// <summary>What an insurer answered to a guarantee-letter request.</summary>
public enum GuaranteeDecision
{
    Approved = 1,
    PartlyApproved,
    Refused,
    NeedsInformation,
    Annulled,
}
