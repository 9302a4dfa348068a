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

        return new DmsGuaranteeLetterLayout { Table = table, Statuses = statuses };
    }
}
