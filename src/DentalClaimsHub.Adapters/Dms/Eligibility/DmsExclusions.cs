namespace DentalClaimsHub.Adapters.Dms.Eligibility;

/// <summary>Reads ДМС programme exclusions written in free text ("без стоматологического обслуживания", "стоматология не включена").</summary>
public static class DmsExclusions
{
    public static bool ExcludesDentistry(string exclusion)
    {
        var text = exclusion.ToLowerInvariant().Replace('ё', 'е');
        return text.Contains("стоматолог", StringComparison.Ordinal) || text.Contains("dental", StringComparison.Ordinal)
            || text.Contains("dentistry", StringComparison.Ordinal);
    }
}
