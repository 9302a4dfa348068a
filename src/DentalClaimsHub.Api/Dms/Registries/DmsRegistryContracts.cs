using System.Linq.Expressions;
using DentalClaimsHub.Storage.DmsRegistries;

namespace DentalClaimsHub.Api.Dms.Registries;

/// <summary>Which registry to build: the insurer's payer id and the calendar month, "yyyy-MM".</summary>
public sealed record DmsRegistryRequest
{
    public string? Insurer { get; init; }

    public string? Period { get; init; }
}

public sealed record DmsRegistryTotalsView(int LineCount, int Quantity, decimal Gross, decimal Discount, decimal Amount, decimal Franchise,
    decimal InsurerAmount);

/// <summary>
/// A registry version without its file (download it from <c>file</c>). <c>unchanged</c> is true when a regeneration found
/// nothing new and answered with this existing version. Exclusions name claims and codes, never patients.
/// </summary>
public sealed record DmsRegistryView(
    Guid Id, string Insurer, string Period, string Number, int Version, DateOnly Date, string Format, string FileName, string ContentType,
    string Sha256, bool Unchanged, DmsRegistryTotalsView Totals, IReadOnlyList<Guid> ClaimIds, IReadOnlyList<DmsRegistryExclusion> Exclusions,
    string File, DateTimeOffset CreatedAt)
{
    /// <summary>The view as a query projection, so that listing registries never reads their files.</summary>
    public static readonly Expression<Func<DmsRegistryVersion, DmsRegistryView>> Project = r => new DmsRegistryView(
        r.Id, r.PayerId, r.Period, r.Number, r.Version, r.Date, r.Format, r.FileName, r.ContentType, r.Sha256, false,
        new DmsRegistryTotalsView(r.LineCount, r.Quantity, r.Gross, r.Discount, r.Amount, r.Franchise, r.InsurerAmount), r.ClaimIds,
        r.Exclusions, "", r.CreatedAt);

    private static readonly Func<DmsRegistryVersion, DmsRegistryView> Compiled = Project.Compile();

    public static DmsRegistryView Of(DmsRegistryVersion r, bool unchanged = false) => Compiled(r).WithLink() with { Unchanged = unchanged };

    /// <summary>The view with the link its file is downloaded from.</summary>
    public DmsRegistryView WithLink() => this with { File = $"/v1/dms/registries/{Id}/file" };
}
