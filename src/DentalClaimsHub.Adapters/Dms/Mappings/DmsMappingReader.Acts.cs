using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.Tables;
using DentalClaimsHub.Adapters.Profiles.Loading;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

internal static partial class DmsMappingReader
{
    private static readonly (string Key, DmsRefusalCategory Category)[] ReasonKeys =
    [
        ("noGuaranteeLetter", DmsRefusalCategory.NoGuaranteeLetter), ("notInProgram", DmsRefusalCategory.NotInProgram),
        ("notDocumented", DmsRefusalCategory.NotDocumented), ("limitExceeded", DmsRefusalCategory.LimitExceeded),
        ("policyInactive", DmsRefusalCategory.PolicyInactive), ("duplicateService", DmsRefusalCategory.DuplicateService),
        ("priceMismatch", DmsRefusalCategory.PriceMismatch), ("other", DmsRefusalCategory.Other),
    ];

    /// <summary>The <c>acts:</c> section: the insurer's reconciliation acts and its refusal reasons per hub category.</summary>
    private static DmsActLayout? ReadActs(YamlMap root)
    {
        if (root.Map("acts") is not { } map)
        {
            return null;
        }

        var table = ReadTable(map, DmsActLayout.Fields);
        var number = map.Pattern("number");
        if (number is not null)
        {
            RequireGroup(map, "number", number, "value");
        }

        var clinicInn = map.Pattern("clinicInn");
        if (clinicInn is not null)
        {
            RequireGroup(map, "clinicInn", clinicInn, "value");
        }

        var codes = new Dictionary<DmsRefusalCategory, IReadOnlyList<string>>();
        var texts = new Dictionary<DmsRefusalCategory, IReadOnlyList<string>>();
        if (map.Map("reasons", required: true) is { } reasonMap)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, category) in ReasonKeys)
            {
                if (reasonMap.Map(key) is not { } reason)
                {
                    continue;
                }

                var categoryCodes = (reason.Strings("codes") ?? []).Select(code => code.Trim()).Where(code => code.Length > 0).ToList();
                var categoryTexts = (reason.Strings("texts") ?? []).Select(text => text.Trim()).Where(text => text.Length > 0).ToList();
                if (categoryCodes.Count + categoryTexts.Count == 0)
                {
                    reason.Sink.Add(reasonMap.StartOf(key), reasonMap.FieldPath(key), "list the insurer's codes or texts for this category.");
                }

                foreach (var code in categoryCodes)
                {
                    // One code must mean one category, or the same refusal would be booked differently from file to file.
                    if (seen.TryGetValue(DmsTableCursor.Normalise(code), out var other) && other != key)
                    {
                        reason.Sink.Add(reason.StartOf("codes"), reason.FieldPath("codes"), $"the code '{code}' is already listed under {other}.");
                    }

                    seen[DmsTableCursor.Normalise(code)] = key;
                }

                codes[category] = categoryCodes;
                texts[category] = categoryTexts;
                reason.RejectUnknownFields();
            }

            if (codes.Count == 0)
            {
                reasonMap.Sink.Add(map.StartOf("reasons"), map.FieldPath("reasons"), "translate at least one of the insurer's refusal reasons to a category.");
            }

            reasonMap.RejectUnknownFields();
        }

        map.RejectUnknownFields();
        if (table is null)
        {
            return null;
        }

        foreach (var field in new[] { "claim", "serviceCode", "billed", "accepted" }.Where(field => !table.Columns.ContainsKey(field)))
        {
            map.Sink.Add(map.StartOf("columns"), map.FieldPath($"columns.{field}"), "an act needs this column.");
        }

        if (!table.Columns.ContainsKey("reasonCode") && !table.Columns.ContainsKey("reasonText"))
        {
            map.Sink.Add(map.StartOf("columns"), map.FieldPath("columns.reasonCode"), "an act needs a reasonCode or a reasonText column for its refusals.");
        }

        if (codes.Values.Any(list => list.Count > 0) && !table.Columns.ContainsKey("reasonCode"))
        {
            map.Sink.Add(map.StartOf("reasons"), map.FieldPath("reasons"), "reason codes are listed but the layout has no reasonCode column.");
        }

        return new DmsActLayout { Table = table, Number = number, ClinicInn = clinicInn, ReasonCodes = codes, ReasonTexts = texts };
    }
}
