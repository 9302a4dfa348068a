using DentalClaimsHub.Adapters.Profiles.Loading;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The validated payer profiles of this hub, read once at start-up from <c>mappings/payers/</c>.</summary>
public sealed class PayerProfileCatalog
{
    private readonly Dictionary<string, PayerProfile> byId;

    /// <summary>Creates a catalog over already validated profiles.</summary>
    public PayerProfileCatalog(IEnumerable<PayerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        byId = profiles.ToDictionary(profile => profile.Id, StringComparer.Ordinal);
        Profiles = [.. byId.Values.OrderBy(profile => profile.Id, StringComparer.Ordinal)];
    }

    /// <summary>All profiles, ordered by id.</summary>
    public IReadOnlyList<PayerProfile> Profiles { get; }

    /// <summary>The profile with <paramref name="id"/>, or null.</summary>
    public PayerProfile? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The profile with <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    public PayerProfile Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"No payer profile '{id}' in mappings/payers.");

    /// <summary>
    /// Reads every <c>*.yaml</c> / <c>*.yml</c> file of <paramref name="directory"/>, expanding endpoint placeholders from
    /// <paramref name="variables"/>, and returns the valid profiles together with all errors found.
    /// </summary>
    public static PayerProfileLoadResult Load(string directory, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(variables);
        if (!Directory.Exists(directory))
        {
            var error = new PayerProfileError(directory, 0, 0, string.Empty, "the payer profile directory does not exist.");
            return new PayerProfileLoadResult([], [error]);
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml")
            .Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal);
        var profiles = new List<PayerProfile>();
        var errors = new List<PayerProfileError>();
        var firstFileById = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var (profile, fileErrors) = PayerProfileReader.Read(file, variables);
            errors.AddRange(fileErrors);
            if (profile is null)
            {
                continue;
            }

            if (firstFileById.TryGetValue(profile.Id, out var first))
            {
                errors.Add(new PayerProfileError(file, 1, 1, "id", $"duplicate payer id '{profile.Id}', already defined in {first}."));
                continue;
            }

            firstFileById[profile.Id] = file;
            profiles.Add(profile);
        }

        var ordered = errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new PayerProfileLoadResult(profiles, ordered);
    }

    /// <summary>Loads like <see cref="Load"/> and throws one <see cref="PayerProfileException"/> listing every error.</summary>
    public static PayerProfileCatalog LoadOrThrow(string directory, IReadOnlyDictionary<string, string> variables)
    {
        var result = Load(directory, variables);
        return result.IsSuccess ? new PayerProfileCatalog(result.Profiles) : throw new PayerProfileException(result.Errors);
    }
}
