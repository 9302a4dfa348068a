namespace DentalClaimsHub.Adapters.Dms.Eligibility;

/// <summary>
/// Reads ДМС programme exclusions written in free text: whether one excludes dentistry as a whole ("без стоматологического
/// обслуживания", "стоматология не включена"), or which services it takes out ("без ортодонтии", "кроме имплантации",
/// "протезирование не входит") — matched against the service's name in the 804н nomenclature.
/// </summary>
public static class DmsExclusions
{
    // What an exclusion names (a word stem of it) → stems of the names of the services it takes out.
    private static readonly (string Excludes, string[] Services)[] Kinds =
    [
        ("ортодонт", ["ортодонт"]),
        ("брекет", ["ортодонт"]),
        ("имплант", ["имплант"]),
        ("протез", ["протез", "коронк", "винир", "вкладк", "мостовид", "ортопед"]),
        ("ортопед", ["протез", "коронк", "винир", "вкладк", "мостовид", "ортопед"]),
        ("отбел", ["отбел"]),
        ("эстетич", ["отбел", "винир"]),
        ("гигиен", ["гигиен"]),
        ("пародонт", ["пародонт"]),
        ("анестез", ["анестез"]),
        ("наркоз", ["анестезиологическое пособие"]),
        ("хирург", ["хирург", "удален", "имплант", "резекц"]),
        ("рентген", ["рентген", "ортопантомограф", "томограф"]),
    ];

    public static bool ExcludesDentistry(string exclusion)
    {
        var text = Normalise(exclusion);
        return text.Contains("стоматолог", StringComparison.Ordinal) || text.Contains("dental", StringComparison.Ordinal)
            || text.Contains("dentistry", StringComparison.Ordinal);
    }

    /// <summary>The first of <paramref name="exclusions"/> that takes out the service named <paramref name="serviceName"/>, if any.</summary>
    public static string? Excluding(string? serviceName, IEnumerable<string> exclusions)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        if (serviceName is null)
        {
            return null;
        }

        var service = Normalise(serviceName);
        return exclusions.FirstOrDefault(exclusion =>
        {
            var excluded = Normalise(exclusion);
            return Kinds.Any(kind => excluded.Contains(kind.Excludes, StringComparison.Ordinal)
                && kind.Services.Any(stem => service.Contains(stem, StringComparison.Ordinal)));
        });
    }

    private static string Normalise(string text) => text.ToLowerInvariant().Replace('ё', 'е');
}
