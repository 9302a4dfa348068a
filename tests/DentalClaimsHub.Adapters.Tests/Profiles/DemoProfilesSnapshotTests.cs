using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class DemoProfilesSnapshotTests
{
    [Fact]
    public Task Load_DemoFolder_MatchesVerifiedModel()
    {
        var catalog = PayerProfileCatalog.LoadOrThrow(Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string>());

        // The source path depends on the checkout location, so the snapshot shows the file name only.
        var view = catalog.Profiles.Select(profile => profile with { SourceFile = Path.GetFileName(profile.SourceFile) });

        return Snapshot.VerifyJson(view, scrub: false);
    }
}
