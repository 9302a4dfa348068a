using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.X12.Tests.Samples.Snapshots;

public sealed class SnapshotScrubberTests
{
    [Fact]
    public void Scrub_Guids_NumbersDistinctValuesInOrder()
    {
        var text = "a=3f2504e0-4f89-41d3-9a0c-0305e82c3301 b=7C9E6679-7425-40DE-944B-E07FC1F90AE7 c=3f2504e0-4f89-41d3-9a0c-0305e82c3301";

        Assert.Equal("a=Guid_1 b=Guid_2 c=Guid_1", SnapshotScrubber.Scrub(text));
    }

    [Fact]
    public void Scrub_IsoDateTimesAndDates_BecomeTokens()
    {
        var text = "sent 2026-03-15T10:35:00.1234567+00:00, due 2026-04-01, again 2026-03-15T10:35:00.1234567+00:00 at 2026-03-15 08:00Z";

        Assert.Equal("sent DateTime_1, due Date_1, again DateTime_1 at DateTime_2", SnapshotScrubber.Scrub(text));
    }

    [Fact]
    public void Scrub_X12StyleDatesAndNumbers_AreLeftAlone()
    {
        const string text = "DTP*472*D8*20260310~CLM*PCN1001*468~";

        Assert.Equal(text, SnapshotScrubber.Scrub(text));
    }

    [Fact]
    public void Unified_InsertedLine_ShowsPlusWithContext()
    {
        var diff = SnapshotDiff.Unified("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\nnew\n6\n7\n8\n9\n");

        Assert.Equal("--- verified\n+++ received\n@@ -3 +3 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n", diff);
    }
}
