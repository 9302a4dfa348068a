using System.Text.Json;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Tests.Reading;

namespace DentalClaimsHub.X12.Tests.Cli;

public sealed class X12ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dch-cli-").FullName;

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_WellFormedEnvelopes_ExitsZeroAndSaysValid()
    {
        var (code, output, _) = DchHost.Run("x12", "validate", File("ok.x12", X12TestInput.Interchange()), "--level", "1");

        Assert.Equal(0, code);
        Assert.StartsWith("ok.x12: VALID - 0 error(s)", output);
    }

    [Fact]
    public void Validate_SeCountWrong_ExitsOneWithSegmentElementAndReason()
    {
        var path = File("bad.x12", X12TestInput.Interchange().Replace("SE*5*0001~", "SE*8*0001~"));

        var (code, output, _) = DchHost.Run("x12", "validate", path, "--level", "1");

        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("IK502-4", StringComparison.Ordinal));
        Assert.Contains("segment 7", line);
        Assert.Contains("SE01", line);
        Assert.Contains("SE01 says '8' segments but transaction set 0001 has 5", line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not an X12 file")]
    public void Validate_NotX12_ExitsTwo(string content)
    {
        var (code, output, _) = DchHost.Run("x12", "validate", File("junk.x12", content));

        Assert.Equal(2, code);
        Assert.Contains("UNREADABLE", output);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo()
    {
        var (code, _, error) = DchHost.Run("x12", "validate", Path.Combine(_folder, "nope.x12"));

        Assert.Equal(2, code);
        Assert.Contains("file not found", error);
    }

    [Fact]
    public void Validate_AckTa1_PrintsRejectingTa1ForControlNumberMismatch()
    {
        var path = File("iea.x12", X12TestInput.Interchange().Replace("IEA*1*000000001", "IEA*1*000000007"));

        var (code, output, _) = DchHost.Run("x12", "validate", path, "--level", "1", "--ack", "ta1");

        Assert.Equal(1, code);
        Assert.Contains("\nTA1*000000001*260115*1230*R*001~\nIEA*0*000000001~\n", output);
        Assert.Contains("*ZZ*RECEIVER01     *ZZ*SUBMITTER01    *", output);
    }

    [Fact]
    public void Validate_Json_PrintsStructureAndIssues()
    {
        var path = File("gs.x12", X12TestInput.Interchange().Replace("GE*1*1~", "GE*1*9~"));

        var (code, output, _) = DchHost.Run("x12", "validate", path, "--level", "1", "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var group = root.GetProperty("interchanges")[0].GetProperty("groups")[0];
        Assert.Equal("005010X224A2", group.GetProperty("version").GetString());
        Assert.Equal("837", group.GetProperty("transactionSets")[0].GetProperty("id").GetString());
        var issue = root.GetProperty("issues")[0];
        Assert.Equal("AK905-4", issue.GetProperty("code").GetString());
        Assert.Equal(8, issue.GetProperty("segment").GetInt32());
        Assert.Equal(2, issue.GetProperty("element").GetInt32());
    }

    [Fact]
    public void Validate_SampleClaimWithSchemas_ExitsZeroAndBuildsAccepting999()
    {
        var sample = Path.Combine(RepositoryPaths.Samples, "x12", "837D-claims.x12");
        var schemas = Path.Combine(RepositoryPaths.Schemas, "x12");

        var (code, output, _) = DchHost.Run("x12", "validate", sample, "--schemas", schemas, "--ack", "999");

        Assert.Equal(0, code);
        Assert.Contains("VALID", output);
        Assert.Contains("ST*999*", output);
        Assert.Contains("IK5*A~", output);
    }

    [Fact]
    public void Validate_SchemaLevelError_PrintsLoopIdElementAndReason()
    {
        var sample = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "837D-claims.x12"));
        var path = File("charge.x12", sample.Replace("SV3*AD:D2392*185*", "SV3*AD:D2392*18X*", StringComparison.Ordinal));

        var (code, output, _) = DchHost.Run("x12", "validate", path, "--schemas", Path.Combine(RepositoryPaths.Schemas, "x12"));

        Assert.Equal(1, code);
        var line = output.Split('\n').First(l => l.Contains("18X", StringComparison.Ordinal));
        Assert.Contains("loop 2400", line);
        Assert.Contains("SV302", line);
        Assert.Contains("IK403-6", line);
        Assert.Contains("not a decimal number", line);
    }
}
