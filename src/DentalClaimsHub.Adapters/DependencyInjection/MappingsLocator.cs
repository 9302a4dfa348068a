namespace DentalClaimsHub.Adapters.DependencyInjection;

/// <summary>Finds the <c>mappings/</c> folder: the configured path, else the nearest one above the application.</summary>
internal static class MappingsLocator
{
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mappings");
            if (Directory.Exists(Path.Combine(candidate, "payers")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No mappings/payers folder found above {AppContext.BaseDirectory}; set Hub:MappingsPath.");
    }
}
