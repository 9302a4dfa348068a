using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Tables;

namespace DentalClaimsHub.Adapters.Dms.Acts;

/// <summary>
/// How an insurer's reconciliation act (акт сверки / акт экспертизы) looks: the table, where the act number sits above it,
/// and which of the insurer's refusal reason codes (or texts) mean which hub-wide <see cref="DmsRefusalCategory"/>.
/// One row per service line of the registry the clinic billed.
/// </summary>
public sealed record DmsActLayout
{
    /// <summary>Field names the <c>columns</c> may use. <c>claim</c> is our claim number (the PCN the registry carried),
    /// <c>line</c> our line reference; the amounts are what the row billed, accepted and refused.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "registry", "claim", "line", "policy", "serviceDate", "serviceCode", "tooth", "quantity", "billed", "accepted", "refused",
        "reasonCode", "reasonText",
    ];

    public required DmsTableLayout Table { get; init; }

    /// <summary>A pattern with a group <c>value</c> finding the act's number in the lines above the header ("Акт № 15/11");
    /// null when the insurer's acts carry no number (the file's hash alone then tells a repeat).</summary>
    public System.Text.RegularExpressions.Regex? Number { get; init; }

    /// <summary>A pattern with a group <c>value</c> finding the clinic's ИНН above the header ("Исполнитель: …, ИНН 7707083893");
    /// null when the insurer's acts do not name the clinic.</summary>
    public System.Text.RegularExpressions.Regex? ClinicInn { get; init; }

    /// <summary>The insurer's reason codes per category, compared after <see cref="DmsTableCursor.Normalise"/>.</summary>
    public required IReadOnlyDictionary<DmsRefusalCategory, IReadOnlyList<string>> ReasonCodes { get; init; }

    /// <summary>Reason texts per category for rows without a code: a text matches when it contains the alias.</summary>
    public required IReadOnlyDictionary<DmsRefusalCategory, IReadOnlyList<string>> ReasonTexts { get; init; }

    /// <summary>The category of a refusal: by its code, else by its text, else <see cref="DmsRefusalCategory.Other"/>.</summary>
    public DmsRefusalCategory CategoryOf(string? code, string? text)
    {
        if (code is not null)
        {
            var normalised = DmsTableCursor.Normalise(code);
            foreach (var (category, codes) in ReasonCodes)
            {
                if (codes.Any(known => DmsTableCursor.Normalise(known) == normalised))
                {
                    return category;
                }
            }
        }

        if (text is not null)
        {
            var normalised = DmsTableCursor.Normalise(text);
            var best = DmsRefusalCategory.Other;
            var length = 0;
            foreach (var (category, texts) in ReasonTexts)
            {
                foreach (var alias in texts.Select(DmsTableCursor.Normalise))
                {
                    // The longest alias wins: "не входит в программу" over "программу".
                    if (alias.Length > length && normalised.Contains(alias, StringComparison.Ordinal))
                    {
                        (best, length) = (category, alias.Length);
                    }
                }
            }

            return best;
        }

        return DmsRefusalCategory.Other;
    }
}

/// <summary>Why a ДМС insurer refused (снял) a service, hub-wide: each insurer's own codes translate to these in its mapping.</summary>
public enum DmsRefusalCategory
{
    /// <summary>No guarantee letter (нет ГП) or the service is outside it.</summary>
    NoGuaranteeLetter = 1,

    /// <summary>The service is not in the insured's programme (не входит в программу).</summary>
    NotInProgram,

    /// <summary>Not confirmed by the medical records (не подтверждено документами).</summary>
    NotDocumented,

    /// <summary>The programme's limit is exhausted (превышение лимита).</summary>
    LimitExceeded,

    /// <summary>The policy was not in force on the service date (полис не действует, откреплён).</summary>
    PolicyInactive,

    /// <summary>The same service was billed twice (дублирование).</summary>
    DuplicateService,

    /// <summary>The price differs from the contract's price list (несоответствие прейскуранту).</summary>
    PriceMismatch,

    /// <summary>Any other reason; the insurer's text says which.</summary>
    Other,
}
