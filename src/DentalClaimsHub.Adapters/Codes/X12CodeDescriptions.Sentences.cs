namespace DentalClaimsHub.Adapters.Codes;

public sealed partial class X12CodeDescriptions
{
    // 835 CAS01 claim adjustment group codes (CR is gone from 5010 but older payers still send it).
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["CO"] = "provider write-off",
        ["CR"] = "correction or reversal",
        ["OA"] = "other adjustment",
        ["PI"] = "payer-initiated reduction",
        ["PR"] = "patient responsibility",
    };

    /// <summary>
    /// One sentence for an STC01 composite (category:status:entity[:code list qualifier]), e.g. <c>A7:562:85</c> →
    /// "Rejected — invalid information: entity's NPI (billing provider)". Codes the lists do not hold are named instead
    /// ("status code 999"), so the sentence is always readable; STC01-4 <c>RX</c> marks an NCPDP reject code.
    /// </summary>
    public string DescribeStatus(string composite, char componentSeparator = ':')
    {
        ArgumentNullException.ThrowIfNull(composite);
        var parts = composite.Split(componentSeparator).Select(p => p.Trim()).ToArray();
        var category = Part(parts, 0);
        var status = Part(parts, 1);
        var entity = Part(parts, 2);
        var qualifier = Part(parts, 3);
        if (category is null && status is null && entity is null)
            return "No claim status given";

        var sentence = category is null ? "Claim status" : StatusCategory(category) ?? $"Status category {category}";
        if (status is not null)
        {
            var detail = qualifier == "RX" ? $"NCPDP reject code {status}" : Lower(Status(status)) ?? $"status code {status}";
            sentence += ": " + detail;
        }

        if (entity is not null)
            sentence += $" ({Lower(Entity(entity)) ?? $"entity {entity}"})";

        return sentence;
    }

    /// <summary>
    /// One sentence for a CAS group and reason, e.g. <c>CO</c>, <c>45</c> → "CO-45: charge exceeds the fee schedule
    /// (provider write-off)". An unknown reason is named ("adjustment reason 999"), an unknown group shown as sent.
    /// </summary>
    public string DescribeAdjustment(string group, string carc)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(carc);
        group = group.Trim();
        carc = carc.Trim();
        var reason = Lower(Carc(carc)) ?? $"adjustment reason {carc}";
        var who = Groups.TryGetValue(group, out var meaning) ? meaning : $"group {group}";
        return $"{group}-{carc}: {reason} ({who})";
    }

    private static string? Part(string[] parts, int index) => index < parts.Length && parts[index].Length > 0 ? parts[index] : null;

    // "Charge exceeds …" reads "charge exceeds …" after a colon; acronyms ("NPI …", "X-rays", "FSA") keep their case.
    private static string? Lower(string? description) =>
        description is { Length: > 1 } && char.IsUpper(description[0]) && char.IsLower(description[1])
            ? char.ToLowerInvariant(description[0]) + description[1..]
            : description;
}
