using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.X12.Tests.Samples.Snapshots;

public sealed class SnapshotVerifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("snapshots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void For_TestFileAndMethod_UsesVerifyNaming()
    {
        var file = SnapshotFile.For("/src/tests/ClaimTests.cs", "Map_Crown_Works", null, "txt");

        Assert.Equal(("/src/tests/ClaimTests.Map_Crown_Works.verified.txt", "/src/tests/ClaimTests.Map_Crown_Works.received.txt"),
            (file.VerifiedPath, file.ReceivedPath));
    }

    [Fact]
    public void For_Parameter_IsAppendedAndMadeFileSafe()
    {
        var file = SnapshotFile.For("/t/X12Tests.cs", "Parse", "invalid/bad se01.x12", ".json");

        Assert.Equal("/t/X12Tests.Parse_invalid_bad_se01.x12.verified.json", file.VerifiedPath);
    }

    [Fact]
    public void Verify_SameTextWithCrLf_Passes()
    {
        var file = FileIn("Same");
        File.WriteAllText(file.VerifiedPath, "line 1\r\nline 2\r\n");

        new SnapshotVerifier(accept: false).Verify(file, "line 1\nline 2\n");

        Assert.False(File.Exists(file.ReceivedPath));
    }

    [Fact]
    public void Verify_Mismatch_WritesReceivedAndFailsWithDiff()
    {
        var file = FileIn("Mismatch");
        File.WriteAllText(file.VerifiedPath, "a\nb\nc\nd\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() => new SnapshotVerifier(accept: false).Verify(file, "a\nB\nc\nd\n"));

        Assert.Contains("-b\n+B\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains(" a\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("@@ -1 +1 @@", ex.Message, StringComparison.Ordinal);
        Assert.Equal("a\nB\nc\nd\n", File.ReadAllText(file.ReceivedPath));
        Assert.Equal("a\nb\nc\nd\n", File.ReadAllText(file.VerifiedPath));
    }

    [Fact]
    public void Verify_MissingVerifiedFile_FailsAndWritesReceived()
    {
        var file = FileIn("Missing");

        var ex = Assert.Throws<SnapshotMismatchException>(() => new SnapshotVerifier(accept: false).Verify(file, "new\n"));

        Assert.Contains("No verified snapshot", ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(file.ReceivedPath));
        Assert.False(File.Exists(file.VerifiedPath));
    }

    [Fact]
    public void Verify_Accepting_OverwritesVerifiedAndRemovesReceived()
    {
        var file = FileIn("Accept");
        File.WriteAllText(file.ReceivedPath, "stale");

        new SnapshotVerifier(accept: true).Verify(file, "fresh\r\n");

        Assert.Equal("fresh\n", File.ReadAllText(file.VerifiedPath));
        Assert.False(File.Exists(file.ReceivedPath));
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "true", false)]
    [InlineData("1", "TRUE", false)]
    [InlineData(null, null, false)]
    [InlineData("0", null, false)]
    public void FromEnvironment_AcceptsOnlyWhenAskedAndNotOnCi(string? accept, string? ci, bool expected)
    {
        var variables = new Dictionary<string, string?> { ["SNAPSHOT_ACCEPT"] = accept, ["CI"] = ci };

        Assert.Equal(expected, SnapshotVerifier.FromEnvironment(name => variables.GetValueOrDefault(name)).Accept);
    }

    private SnapshotFile FileIn(string method) => SnapshotFile.For(Path.Combine(_directory, "SomeTests.cs"), method, null, "txt");
}
