using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class Eligibility271SnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 31, 0, TimeSpan.Zero);

    private static Eligibility270 Sample() =>
        Eligibility270.From(X12Message.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "270-dental-inquiry.x12"))));

    [Fact]
    public void From_Sample270_ReadsEnvelopeTraceAndMember()
    {
        var request = Sample();

        Assert.Equal(
            ("000000101", "101", "0001"),
            (request.InterchangeControlNumber, request.GroupControlNumber, request.TransactionControlNumber));
        Assert.Equal(("EL20260315001A", "1371234567"), (request.TraceNumber, request.TraceOriginator));
        Assert.Equal(("MORALES", "ELENA", "DNX448812001", "19850412"),
            (request.MemberLastName, request.MemberFirstName, request.MemberId, request.MemberBirthDate));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Build_Sample270_MatchesVerified271(bool active) =>
        Snapshot.Verify(Eligibility271Template.Build(Sample(), active, Now), "x12", active ? "active" : "inactive", scrub: false);

    [Fact]
    public void Parse_TextWithoutIsa_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => X12Message.Parse("GS*HS*A*B~"));
}
