using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

/// <summary>The validated ДМС insurer mappings, read once at start-up from <c>mappings/dms/</c>.</summary>
public sealed class DmsMappingCatalog
{
    private readonly Dictionary<string, DmsMapping> byId;

    public DmsMappingCatalog(IEnumerable<DmsMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        byId = mappings.ToDictionary(mapping => mapping.Id, StringComparer.Ordinal);
        Mappings = [.. byId.Values.OrderBy(mapping => mapping.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<DmsMapping> Mappings { get; }

    /// <summary>The mapping with this id or file name (<c>ural-med</c> or <c>ural-med.yaml</c>), or null.</summary>
    public DmsMapping? Find(string idOrFileName)
    {
        ArgumentNullException.ThrowIfNull(idOrFileName);
        return byId.GetValueOrDefault(Path.GetFileNameWithoutExtension(idOrFileName));
    }

    /// <summary>Reads every <c>*.yaml</c> of <paramref name="directory"/>; returns the valid mappings and every error found.</summary>
    public static (DmsMappingCatalog Catalog, IReadOnlyList<PayerProfileError> Errors) Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return (new DmsMappingCatalog([]), [new PayerProfileError(directory, 0, 0, string.Empty, "the ДМС mapping directory does not exist.")]);
        }

        var mappings = new List<DmsMapping>();
        var errors = new List<PayerProfileError>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (mapping, fileErrors) = DmsMappingReader.Read(file);
            errors.AddRange(fileErrors);
            if (mapping is not null)
            {
                mappings.Add(mapping);
            }
        }

        return (new DmsMappingCatalog(mappings), errors);
    }
}
