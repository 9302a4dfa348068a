using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.X12.Tests.Samples.Snapshots;

public sealed class SnapshotTests
{
    [Fact]
    public Task Verify_TextBesideThisFile_MatchesVerifiedFile() =>
        Snapshot.Verify("verified beside the test file\nsecond line\n");

    [Fact]
    public Task VerifyJson_ObjectWithGuidAndTime_IsIndentedAndScrubbed() =>
        Snapshot.VerifyJson(new
        {
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            At = new DateTimeOffset(2026, 3, 15, 10, 35, 0, TimeSpan.Zero),
            Claim = "PCN1001",
            Lines = new[] { 185.00m, 98m },
        });

    [Theory]
    [InlineData("837")]
    [InlineData("835")]
    public Task Verify_WithParameter_UsesOneFilePerParameter(string set) =>
        Snapshot.Verify($"transaction set {set}\n", parameter: set);
}
