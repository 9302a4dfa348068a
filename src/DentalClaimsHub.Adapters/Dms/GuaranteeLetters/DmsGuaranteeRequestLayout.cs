using DentalClaimsHub.Adapters.Dms.Registries;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>
/// How one insurer wants a guarantee-letter request (запрос гарантийного письма) laid out, read from the
/// <c>guaranteeLetters.request:</c> section of <c>mappings/dms/&lt;id&gt;.yaml</c>. The table itself is a
/// <see cref="DmsRegistryLayout"/> rendered by <see cref="DmsRegistryRenderer"/> (the same machinery as the monthly
/// registry); the request adds its own fields and a file name pattern.
/// </summary>
public sealed record DmsGuaranteeRequestLayout
{
    /// <summary>Per-service columns a request may show. <c>claim</c> is our request reference (the claim's patient control
    /// number) that the insurer's answer echoes; <c>serviceDate</c> is the planned date.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "row", "claim", "fullName", "lastName", "firstName", "middleName", "birthDate", "policy", "serviceDate", "serviceCode",
        "serviceName", "tooth", "surfaces", "quantity", "price", "amount", "diagnosis", "doctor",
    ];

    /// <summary>Columns every request carries: the answer is matched on <c>claim</c>, the insurer checks the policy and the services.</summary>
    public static readonly IReadOnlyList<string> Required = ["claim", "policy", "serviceCode", "amount"];

    /// <summary>Facts an XML request header can carry (<c>number</c> is our request reference, <c>date</c> the request's date).</summary>
    public static readonly IReadOnlyList<string> Header = ["number", "date", "insurer", "clinic", "inn", "lineCount"];

    /// <summary>Placeholders of title lines.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["insurer", "clinic", "inn", "number", "date"];

    /// <summary>Placeholders of <see cref="FileName"/>: insurer code, our request reference, the request's date (yyyyMMdd),
    /// the delivery's payload id (required, so a resend overwrites the same file).</summary>
    public static readonly IReadOnlyList<string> FileNamePlaceholders = ["code", "number", "date", "id"];

    public const string DefaultFileName = "{code}_gp-request_{id}";

    public required DmsRegistryLayout File { get; init; }

    /// <summary>The file name without its extension, with <see cref="FileNamePlaceholders"/>; the extension follows the format.</summary>
    public string FileName { get; init; } = DefaultFileName;
}
