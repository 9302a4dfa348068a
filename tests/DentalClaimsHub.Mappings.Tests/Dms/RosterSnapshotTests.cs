using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Snapshots;

namespace DentalClaimsHub.Mappings.Tests.Dms;

/// <summary>Every roster sample in <c>samples/dms/&lt;mapping&gt;/</c> read with its insurer's mapping: the header facts,
/// the normalised people and the row problems are pinned, so a mapping change shows up as a diff.</summary>
public sealed class RosterSnapshotTests
{
    private static readonly Lazy<DmsMappingCatalog> Catalog = new(() =>
    {
        var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "dms"));
        Assert.Empty(errors);
        return catalog;
    });

    private static readonly DateOnly Today = new(2026, 12, 1);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Samples, "dms")).Order(StringComparer.Ordinal))
        {
            var mapping = Path.GetFileName(directory);
            if (mapping is "invalid" or "guarantee-letters" or "acts")
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add($"{mapping}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Fact]
    public void EveryMapping_HasASample() =>
        Assert.All(Catalog.Value.Mappings, mapping =>
            Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Samples, "dms", mapping.Id)), $"samples/dms/{mapping.Id} is missing"));

    [Theory]
    [MemberData(nameof(Samples))]
    public Task Read_Sample_MatchesSnapshot(string sample) =>
        Snapshot.Verify(Render(sample), "txt", sample.Replace('/', '-'), scrub: false);

    public static TheoryData<string> BrokenSamples()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Samples, "dms", "invalid")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add($"{Path.GetFileName(directory)}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    /// <summary>A broken file gives a report that names the row: either the whole file is refused (no header, not a
    /// spreadsheet) or the rows that cannot be read are listed.</summary>
    [Theory]
    [MemberData(nameof(BrokenSamples))]
    public Task Read_BrokenSample_ReportsRows(string sample)
    {
        string report;
        try
        {
            report = Render("invalid/" + sample);
            Assert.Contains("ERROR", report, StringComparison.Ordinal);
        }
        catch (DmsRosterException exception)
        {
            Assert.NotNull(exception.Row);
            report = $"refused at row {exception.Row}: {exception.Message}\n";
        }

        return Snapshot.Verify(report, "txt", sample.Replace('/', '-'), scrub: false);
    }

    /// <summary>The roster as a reviewer would read it: one block for the file, one line per person or problem.</summary>
    public static string Render(string sample)
    {
        var parts = sample.Split('/');
        var (mappingId, fileName) = (parts[^2], parts[^1]);
        var layout = Catalog.Value.Find(mappingId)!.Rosters!;
        using var stream = File.OpenRead(Path.Combine([RepositoryPaths.Samples, "dms", .. parts]));
        using var reader = DmsRosterReader.Open(stream, fileName, layout, fullListDate: Today);
        var h = reader.Header;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"kind: {h.Kind}; format: {h.Format}; encoding: {h.Encoding ?? "-"}; header row: {h.HeaderRow}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"document: {h.DocumentNumber ?? "-"} of {D(h.DocumentDate)}; contract: {h.Contract ?? "-"}; policyholder: {h.Policyholder ?? "-"}; as of: {D(h.AsOf)}\n");
        foreach (var entry in reader.Entries())
        {
            if (entry.Error is { } e)
            {
                text.Append(CultureInfo.InvariantCulture, $"row {e.Row}: ERROR {e.Column} '{e.Value}': {e.Reason}\n");
                continue;
            }

            // A mixed file's rows each say what they do.
            var does = h.Kind == RosterKind.Mixed ? entry.Kind.ToString().ToUpperInvariant() + " " : "";
            var m = entry.Member!;
            // Only rosters with a limit column show it, so the other samples' snapshots read as before.
            var limit = m.Limit is { } sum ? " | limit " + sum.ToString(CultureInfo.InvariantCulture) : "";
            text.Append(CultureInfo.InvariantCulture,
                $"row {entry.Row}: {does}{m.PolicyKey} | {m.Name.Last} / {m.Name.First} / {m.Name.Middle ?? "-"} | born {D(m.BirthDate)} | {m.Sex} | "
                + $"{m.ProgramCode ?? "-"} «{m.ProgramName ?? "-"}» | franchise {m.FranchisePercent?.ToString(CultureInfo.InvariantCulture) ?? "-"} | "
                + $"exclusions [{string.Join("; ", m.Exclusions)}] | from {D(m.AttachedFrom)} to {D(m.DetachedFrom)} | holder {m.Policyholder ?? "-"}"
                + $"{limit}\n");
        }

        return text.ToString();
    }

    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
