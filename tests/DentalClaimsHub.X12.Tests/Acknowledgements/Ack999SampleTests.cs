using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Acknowledgements;

public sealed class Ack999SampleTests
{
    private readonly X12Validator _validator = new(SampleFiles.Registry);

    [Theory]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    [MemberData(nameof(SampleFiles.Invalid), MemberType = typeof(SampleFiles))]
    public Task Build_Sample_MatchesSnapshot(string name)
    {
        var ack = Build(name) ?? "(no functional group: nothing to acknowledge with a 999)\n";

        return Snapshot.Verify(ack, extension: "x12", parameter: name, scrub: false);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    public void Build_ValidSample_AcceptsEveryTransactionSet(string name)
    {
        var ack = Build(name);

        if (name.StartsWith("TA1", StringComparison.Ordinal))
        {
            Assert.Null(ack);
            return;
        }

        Assert.Contains("IK5*A~", ack, StringComparison.Ordinal);
        Assert.Contains("AK9*A*1*1*1~", ack, StringComparison.Ordinal);
        Assert.DoesNotContain("IK3*", ack, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid/bad-se01.837.x12", "IK5*R*4~")]
    [InlineData("invalid/control-number-mismatch.837.x12", "IK5*R*3~")]
    [InlineData("invalid/missing-required-segment.837.x12", "IK3*N3*9*2010*3~")]
    [InlineData("invalid/bad-code-value.837.x12", "IK4*5:3*1325*7*9~")]
    [InlineData("invalid/clm02-mismatch.837.x12", "IK4*2*782*I12*500~")]
    [InlineData("invalid/unbalanced.835.x12", "IK4*4*782*I12*320~")]
    [InlineData("invalid/nonstandard-delimiters.837.x12", "IK4*8*66*1~")]
    public void Build_InvalidSample_RejectsWithTheSpecificError(string name, string expected)
    {
        var ack = Build(name);

        Assert.NotNull(ack);
        Assert.Contains(expected, ack, StringComparison.Ordinal);
        Assert.Contains("AK9*R*1*1*0~", ack, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.Invalid), MemberType = typeof(SampleFiles))]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    public void Build_AnySample_ProducesA999ThatIsItselfValid(string name)
    {
        var ack = Build(name);
        if (ack is null)
            return;

        var report = _validator.Validate(ack);

        Assert.Empty(report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
        Assert.Equal("999", Assert.Single(report.Transactions).Transaction.TransactionSetId);
    }

    private string? Build(string name)
    {
        var report = _validator.Validate(SampleFiles.Read(name));
        return Ack999Builder.Build(report, new SequentialControlNumberSource(900), FixedTimeProvider.SampleDay);
    }
}
