using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Adapters.Tests.Codes;

/// <summary>The sentences billing specialists read for the 277CA rejections and 835 adjustments dental claims meet most.</summary>
public sealed class X12CodeDescriptionsSnapshotTests
{
    private static readonly X12CodeDescriptions Codes = new(Path.Combine(RepositoryPaths.Schemas, "codes"));

    [Fact]
    public Task DescribeStatus_CommonAcknowledgements_MatchVerifiedText()
    {
        string[] composites =
        [
            "A1:19:PR", "A2:20:PR", "A3:21:85", "A3:24:41", "A3:116", "A3:187:PR", "A4:35", "A6:244", "A6:240", "A6:562:82",
            "A7:33:IL", "A7:158:QC", "A7:562:85", "A7:128:85", "A7:503:85", "A8:562:85", "P1:20", "P3:294", "F1:65", "F2:1",
            "R4:318", "R4:307", "E1:484", "D0:35",
        ];

        return Snapshot.Verify(string.Join("", composites.Select(c => $"{c,-12} {Codes.DescribeStatus(c)}\n")), scrub: false);
    }

    [Fact]
    public Task DescribeAdjustment_CommonDentalAdjustments_MatchVerifiedText()
    {
        (string Group, string Carc)[] adjustments =
        [
            ("CO", "45"), ("PR", "1"), ("PR", "2"), ("PR", "3"), ("CO", "97"), ("CO", "29"), ("PR", "119"), ("PR", "35"),
            ("CO", "16"), ("CO", "18"), ("OA", "23"), ("PR", "96"), ("CO", "197"), ("PR", "204"), ("CO", "252"), ("PR", "169"),
            ("CO", "B7"), ("PI", "59"),
        ];

        return Snapshot.Verify(string.Join("", adjustments.Select(a => Codes.DescribeAdjustment(a.Group, a.Carc) + "\n")), scrub: false);
    }
}
