using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Profiles.Loading;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

internal static partial class DmsMappingReader
{
    private static readonly (string Key, GuaranteeDecision Decision)[] StatusKeys =
    [
        ("approved", GuaranteeDecision.Approved), ("partlyApproved", GuaranteeDecision.PartlyApproved), ("refused", GuaranteeDecision.Refused),
        ("needsInformation", GuaranteeDecision.NeedsInformation), ("annulled", GuaranteeDecision.Annulled),
    ];

    /// <summary>The <c>guaranteeLetters:</c> section: the insurer's answers to guarantee-letter requests.</summary>
    private static DmsGuaranteeLetterLayout? ReadGuaranteeLetters(YamlMap root)
    {
        if (root.Map("guaranteeLetters") is not { } map)
        {
            return null;
        }

        var table = ReadTable(map, DmsGuaranteeLetterLayout.Fields);
        var statuses = new Dictionary<GuaranteeDecision, IReadOnlyList<string>>();
        if (map.Map("statuses", required: true) is { } statusMap)
        {
            foreach (var (key, decision) in StatusKeys)
            {
                if (statusMap.Strings(key) is { Count: > 0 } texts)
                {
                    statuses[decision] = [.. texts.Select(text => text.Trim()).Where(text => text.Length > 0)];
                }
            }

            if (!statuses.ContainsKey(GuaranteeDecision.Approved) || !statuses.ContainsKey(GuaranteeDecision.Refused))
            {
                statusMap.Sink.Add(map.StartOf("statuses"), map.FieldPath("statuses"), "list at least the approved and refused status texts.");
            }

            statusMap.RejectUnknownFields();
        }

        var request = map.Map("request") is { } requestMap ? ReadGuaranteeRequest(requestMap) : null;
        map.RejectUnknownFields();
        if (table is null)
        {
            return null;
        }

        foreach (var field in new[] { "request", "status" }.Where(field => !table.Columns.ContainsKey(field)))
        {
            map.Sink.Add(map.StartOf("columns"), map.FieldPath($"columns.{field}"), "a guarantee-letter answer needs this column.");
        }

        if (table.Columns.ContainsKey("approvedAmount") && !table.Columns.ContainsKey("serviceCode"))
        {
            map.Sink.Add(map.StartOf("columns"), map.FieldPath("columns.approvedAmount"), "an approved amount per service needs a serviceCode column.");
        }

        return new DmsGuaranteeLetterLayout { Table = table, Statuses = statuses, Request = request };
    }

    private static readonly RenderedFileRules GuaranteeRequestRules = new("guarantee-letter request", DmsGuaranteeRequestLayout.Fields,
        DmsGuaranteeRequestLayout.Required, DmsGuaranteeRequestLayout.Header, DmsGuaranteeRequestLayout.Placeholders, "Запрос ГП", Discount: false);

    /// <summary>The <c>guaranteeLetters.request:</c> sub-section: how the clinic's request for a letter is laid out.</summary>
    private static DmsGuaranteeRequestLayout? ReadGuaranteeRequest(YamlMap map)
    {
        var fileName = map.Checked("fileName", required: false, IsRequestFileName,
            $"must be 1–100 characters without an extension, / \\ : * ? \" < > |, containing {{id}}; placeholders {string.Join(", ", DmsGuaranteeRequestLayout.FileNamePlaceholders.Select(p => $"{{{p}}}"))}");
        var file = ReadRenderedFile(map, GuaranteeRequestRules);
        return file is null ? null : new DmsGuaranteeRequestLayout { File = file, FileName = fileName ?? DmsGuaranteeRequestLayout.DefaultFileName };
    }

    private static bool IsRequestFileName(string text) =>
        text.Length is > 0 and <= 100 && text.Contains("{id}", StringComparison.Ordinal) && text.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '.']) < 0
        && Placeholder().Matches(text).All(match => DmsGuaranteeRequestLayout.FileNamePlaceholders.Contains(match.Groups[1].Value, StringComparer.Ordinal));
}
