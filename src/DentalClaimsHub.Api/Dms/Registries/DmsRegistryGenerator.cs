using System.Globalization;
using System.Security.Cryptography;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.DmsRegistries;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.Registries;

/// <summary>
/// What a generation produced: a new version to save (Created), or the id of the unchanged previous one with the lines
/// left out as of now (a new unbillable line does not change the file but must still be reported), or validation errors.
/// </summary>
public sealed record DmsRegistryOutcome(DmsRegistryVersion? Created, Guid? Unchanged, IReadOnlyList<DmsRegistryExclusion> Exclusions,
    ValidationErrors? Errors);

/// <summary>
/// Builds a practice's monthly registry to one ДМС insurer from its claims and stores it as a new version when it
/// differs from the last one. A claim counts once it has gone to the insurer and was not taken back: Submitted,
/// Acknowledged, Accepted, Pending, Paid, PartiallyPaid. Drafts, validated and queued claims have not been sent; Rejected,
/// Denied, Corrected (replaced by another claim) and Voided ones are not owed; Closed is left out because a claim closes
/// after a denial as well as after payment. Predeterminations and void requests are never billed.
/// </summary>
public sealed class DmsRegistryGenerator(HubDbContext db, PayerProfileCatalog payers, DmsMappingCatalog mappings, DmsReference reference,
    TimeProvider time, IStoredFileProtector protector, ILogger<DmsRegistryGenerator> logger)
{
    public static readonly IReadOnlyList<ClaimState> BilledStates =
    [
        ClaimState.Submitted, ClaimState.Acknowledged, ClaimState.Accepted, ClaimState.Pending, ClaimState.Paid, ClaimState.PartiallyPaid,
    ];

    public async Task<DmsRegistryOutcome> GenerateAsync(Guid practiceId, DmsRegistryRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (profile, layout) = Layout(request.Insurer, errors);
        var month = ParsePeriod(request.Period, errors);
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == practiceId, cancellationToken);
        if (practice.Inn is null)
        {
            errors.Add("$", "The clinic has no ИНН; a ДМС registry names the clinic by it.");
        }

        if (!errors.IsEmpty)
        {
            return new DmsRegistryOutcome(null, null, [], errors);
        }

        var (from, to) = (month!.Value, month.Value.AddMonths(1).AddDays(-1));
        var period = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var built = await CollectAsync(profile!.Id, from, to, layout!.DiscountPercent, cancellationToken);
        if (built.Lines.Count == 0)
        {
            errors.Add("$.period", built.Problems.Count == 0
                ? $"No claims to {profile.Id} with services in {period} have been sent."
                : $"None of the {built.Problems.Count} claim lines to {profile.Id} in {period} can be billed; see the other errors.");
            foreach (var problem in built.Problems)
            {
                errors.Add($"$.claims[{problem.ClaimNumber}].lines[{problem.LineNumber}]", problem.Message);
            }

            return new DmsRegistryOutcome(null, null, [], errors);
        }

        var previous = await db.DmsRegistries.AsNoTracking()
            .Where(r => r.PayerId == profile.Id && r.Period == period)
            .OrderByDescending(r => r.Version).Select(r => new { r.Id, r.Version, r.Date, r.Sha256 }).FirstOrDefaultAsync(cancellationToken);
        var registry = new DmsRegistry
        {
            InsurerName = profile.DisplayName,
            ClinicName = practice.Name,
            ClinicInn = practice.Inn!.Value.Value,
            PeriodFrom = from,
            PeriodTo = to,
            Number = string.Create(CultureInfo.InvariantCulture, $"{profile.Dms!.InsurerCode}-{from:yyyyMM}"),
            Version = previous?.Version ?? 1,
            Date = previous?.Date ?? Today(practice),
            Lines = built.Lines,
        };
        if (previous is not null)
        {
            // Rendered as the previous version was: identical claims give identical bytes, and nothing new is stored.
            if (Sha256(DmsRegistryRenderer.Render(registry, layout)) == previous.Sha256)
            {
                return new DmsRegistryOutcome(null, previous.Id, Exclusions(built), null);
            }

            registry = registry with { Version = previous.Version + 1, Date = Today(practice) };
        }

        var content = DmsRegistryRenderer.Render(registry, layout);
        var totals = registry.Totals;
        var version = DmsRegistryVersion.Create(practiceId, profile.Id, period, registry.Number, registry.Version, registry.Date,
            layout.Extension, layout.ContentType, DmsRegistryRenderer.FileName(registry, layout), content, Sha256(content),
            registry.Lines.Select(line => line.ClaimId),
            new DmsRegistryTotals(registry.Lines.Count, registry.Quantity, totals.Gross, totals.Discount, totals.Amount, totals.Franchise,
                totals.InsurerAmount),
            Exclusions(built), time.GetUtcNow(), protector);
        db.DmsRegistries.Add(version);
        logger.LogInformation("ДМС registry {RegistryId} {Payer} {Period} version {Version}: {Lines} lines, {Excluded} excluded",
            version.Id, profile.Id, period, version.Version, version.LineCount, version.Exclusions.Count);
        return new DmsRegistryOutcome(version, null, version.Exclusions, null);
    }

    private async Task<DmsRegistryLines> CollectAsync(string payerId, DateOnly from, DateOnly to, decimal discountPercent,
        CancellationToken cancellationToken)
    {
        var states = BilledStates.ToArray();
        var claims = await db.Claims.AsNoTracking().AsSplitQuery()
            .Where(c => c.PayerId == payerId && c.Purpose == ClaimPurpose.Claim && c.Frequency != ClaimFrequency.Void && states.Contains(c.State)
                && c.Lines.Any(l => l.ServiceDate >= from && l.ServiceDate <= to))
            .ToListAsync(cancellationToken);
        var patientIds = claims.Select(c => c.PatientId).Distinct().ToList();
        var coverageIds = claims.Select(c => c.CoverageId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var coverages = await db.Coverages.AsNoTracking().Where(c => coverageIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var letters = claims.SelectMany(c => c.Lines.Select(l => l.PriorAuthorizationNumber).Append(c.PriorAuthorizationNumber))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var issued = await db.PreAuthorizations.AsNoTracking()
            .Where(p => p.PayerId == payerId && p.ReferenceNumber != null && letters.Contains(p.ReferenceNumber))
            .Select(p => new { Number = p.ReferenceNumber!, p.ValidFrom, p.DecidedAt })
            .ToListAsync(cancellationToken);
        var dates = issued
            .Select(p => (p.Number, Date: p.ValidFrom ?? (p.DecidedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null)))
            .Where(p => p.Date is not null)
            .GroupBy(p => p.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(p => p.Date!.Value), StringComparer.Ordinal);
        var sources = claims.Where(c => patients.ContainsKey(c.PatientId) && coverages.ContainsKey(c.CoverageId))
            .Select(c => new DmsRegistryClaim(c, patients[c.PatientId], coverages[c.CoverageId]));
        var built = DmsRegistryBuilder.Build(sources, from, to, discountPercent, reference, dates);
        var orphans = claims.Where(c => !patients.ContainsKey(c.PatientId) || !coverages.ContainsKey(c.CoverageId))
            .SelectMany(c => c.Lines.Where(l => l.ServiceDate >= from && l.ServiceDate <= to).Select(l =>
                new DmsRegistryProblem(c.Id, c.PatientControlNumber, l.LineNumber, "no-coverage", "the claim's patient or coverage is no longer on file.")))
            .ToList();
        return orphans.Count == 0 ? built : built with { Problems = [.. built.Problems, .. orphans] };
    }

    private (PayerProfile? Profile, DmsRegistryLayout? Layout) Layout(string? insurer, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(insurer))
        {
            errors.Add("$.insurer", "Name the ДМС insurer (its payer id).");
            return (null, null);
        }

        var profile = payers.Find(insurer.Trim());
        if (profile?.Dms is null)
        {
            errors.Add("$.insurer", $"'{insurer}' is not a ДМС insurer the hub knows.");
            return (null, null);
        }

        var layout = mappings.Find(profile.Dms.RegistryMapping)?.Registry;
        if (layout is null)
        {
            errors.Add("$.insurer", $"The hub has no registry layout for '{profile.Id}' (mappings/dms/{profile.Dms.RegistryMapping}, section registry).");
        }

        return (profile, layout);
    }

    private static DateOnly? ParsePeriod(string? period, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(period?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        errors.Add("$.period", "Give the month as yyyy-MM, e.g. 2026-10.");
        return null;
    }

    // The registry's date is the clinic's calendar date.
    private DateOnly Today(Practice practice)
    {
        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(practice.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    private static List<DmsRegistryExclusion> Exclusions(DmsRegistryLines built) =>
        [.. built.Problems.Select(p => new DmsRegistryExclusion(p.ClaimId, p.ClaimNumber, p.LineNumber, p.Code, p.Message))];

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
