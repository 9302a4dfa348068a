using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.Fhir;

/// <summary>
/// The dental benefits the simulated FHIR payer answers with (the same plan as the X12 payer): annual maximum and
/// deductible with what is used, patient shares per category, a prophylaxis frequency and an exclusion; amounts vary
/// by scenario (deductible met, frequency exhausted).
/// </summary>
internal static class FhirBenefitPlan
{
    private const string BenefitCategory = "http://terminology.hl7.org/CodeSystem/ex-benefitcategory";
    private const string Cdt = "http://www.ada.org/cdt";

    public static JsonArray Items(string scenario, IEnumerable<string> procedureCodes)
    {
        var deductibleMet = scenario == FhirModule.EligibilityDeductibleMet;
        var prophylaxisUsed = scenario == FhirModule.EligibilityFrequencyExhausted ? 2 : 1;
        var items = new JsonArray(
            Item("35", "Dental Care", "in",
                Money("benefit", 1500m, deductibleMet ? 860m : 319.50m),
                Money("deductible", 50m, deductibleMet ? 50m : 25m)),
            Item("41", "Routine (Preventive) Dental", "in", Percent(0)),
            Item("25", "Restorative", "in", Percent(20)),
            Item("26", "Endodontics", "out", Percent(40)),
            Item("39", "Prosthodontics", "in", Percent(50)),
            Procedure("41", "D1110", "Prophylaxis - adult", Count("visit", 2, prophylaxisUsed)));
        var cosmetic = Item("35", "Dental Care", "in");
        cosmetic["excluded"] = true;
        cosmetic["description"] = "Cosmetic services excluded";
        items.Add(cosmetic);
        foreach (var code in procedureCodes.Where(c => c != "D1110").Distinct())
        {
            items.Add(Procedure("35", code, null, Percent(20)));
        }

        return items;
    }

    private static JsonObject Item(string category, string display, string network, params JsonObject[] benefits) => new()
    {
        ["category"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = BenefitCategory, ["code"] = category, ["display"] = display }),
        },
        ["network"] = Concept(network),
        ["unit"] = Concept("individual"),
        ["term"] = Concept("annual"),
        ["benefit"] = new JsonArray(benefits),
    };

    private static JsonObject Procedure(string category, string code, string? description, JsonObject benefit)
    {
        var item = Item(category, "Dental Care", "in", benefit);
        item["productOrService"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = Cdt, ["code"] = code }),
        };
        if (description is not null)
        {
            item["description"] = description;
        }

        return item;
    }

    private static JsonObject Concept(string code) => new() { ["coding"] = new JsonArray(new JsonObject { ["code"] = code }) };

    private static JsonObject Money(string type, decimal allowed, decimal used) => new()
    {
        ["type"] = Concept(type),
        ["allowedMoney"] = new JsonObject { ["value"] = allowed, ["currency"] = "USD" },
        ["usedMoney"] = new JsonObject { ["value"] = used, ["currency"] = "USD" },
    };

    private static JsonObject Percent(int share) => new() { ["type"] = Concept("copay-percent"), ["allowedUnsignedInt"] = share };

    private static JsonObject Count(string type, int allowed, int used) =>
        new() { ["type"] = Concept(type), ["allowedUnsignedInt"] = allowed, ["usedUnsignedInt"] = used };
}
