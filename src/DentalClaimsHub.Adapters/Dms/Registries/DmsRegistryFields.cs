namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>The names a layout uses for registry columns, header facts and title placeholders.</summary>
public static class DmsRegistryFields
{
    /// <summary>Per-service columns, in the order a default registry shows them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "row", "claim", "fullName", "lastName", "firstName", "middleName", "policy", "guaranteeNumber", "guaranteeDate", "serviceDate",
        "serviceCode", "serviceName", "diagnosis", "tooth", "quantity", "price", "discountPercent", "discount", "franchisePercent",
        "franchise", "amount", "insurerAmount", "doctor",
    ];

    /// <summary>Columns whose values add up in the totals row.</summary>
    public static readonly IReadOnlyList<string> Summed = ["quantity", "discount", "franchise", "amount", "insurerAmount"];

    /// <summary>Registry facts an XML header can carry.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["number", "version", "date", "periodFrom", "periodTo", "insurer", "clinic", "inn", "lineCount"];

    /// <summary>Placeholders of title lines: {insurer}, {clinic}, {inn}, {period}, {month}, {number}, {version}, {date}.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["insurer", "clinic", "inn", "period", "month", "number", "version", "date"];
}
