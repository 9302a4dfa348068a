using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Finds (or, when passed inline, registers) the patient and coverage a request is about, and its date of service.
/// Returns null with errors for bad input, or null without errors when an id names nothing in this practice.
/// </summary>
public sealed class EligibilitySubjects(HubDbContext db, PayerProfileCatalog payers, SubjectCache cache, TimeProvider time)
{
    // Compiled once: on the hot path of every check, LINQ translation cost more than the query's own round trip.
    private static readonly Func<HubDbContext, Guid, Guid, Guid, CancellationToken, Task<Registered?>> FindRegistered =
        EF.CompileAsyncQuery((HubDbContext db, Guid coverageId, Guid patientId, Guid practiceId, CancellationToken _) => (
            from c in db.Coverages.AsNoTracking()
            where c.Id == coverageId && c.PatientId == patientId
            join p in db.Patients.AsNoTracking() on c.PatientId equals p.Id
            join pr in db.Practices.AsNoTracking() on p.PracticeId equals pr.Id
            where pr.Id == practiceId
            select new Registered(c, p, pr)).SingleOrDefault());

    public async Task<EligibilitySubject?> ResolveAsync(Guid practiceId, EligibilityRequest request,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        if ((request.PatientId is null) == (request.Patient is null))
        {
            errors.Add("$.patientId", "Give either patientId or an inline patient.");
        }

        if ((request.CoverageId is null) == (request.Coverage is null))
        {
            errors.Add("$.coverageId", "Give either coverageId or an inline coverage.");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        if (request is { PatientId: { } knownPatient, CoverageId: { } knownCoverage })
        {
            // The common case — both already registered — in one round trip, or none when asked about lately.
            if (!cache.TryGet(practiceId, knownPatient, knownCoverage, out var found))
            {
                var generation = cache.Generation;
                found = await FindRegistered(db, knownCoverage, knownPatient, practiceId, cancellationToken);
                if (found is not null)
                {
                    cache.Add(practiceId, knownPatient, knownCoverage, found, generation);
                }
            }

            return found is null ? null
                : new EligibilitySubject(found.Practice, found.Patient, found.Coverage, request.DateOfService ?? PracticeToday(found.Practice.TimeZoneId));
        }

        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == practiceId, cancellationToken);
        var dateOfService = request.DateOfService ?? PracticeToday(practice.TimeZoneId);
        var patient = request.PatientId is { } patientId
            ? await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            : await FindOrRegisterAsync(practiceId, request.Patient!, errors, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var coverage = request.CoverageId is { } coverageId
            ? await db.Coverages.SingleOrDefaultAsync(c => c.Id == coverageId && c.PatientId == patient.Id, cancellationToken)
            : await FindOrRegisterAsync(patient, request.Coverage!, errors, cancellationToken);
        if (coverage is null || !errors.IsEmpty)
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EligibilitySubject(practice, patient, coverage, dateOfService);
    }

    public static IReadOnlyList<ProcedureCode> ParseProcedures(IReadOnlyList<string>? codes, ValidationErrors errors)
    {
        var parsed = new List<ProcedureCode>();
        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            if (CdtCode.TryParse(codes![i], out var cdt))
            {
                parsed.Add(ProcedureCode.Cdt(cdt));
            }
            else
            {
                errors.Add(JsonPath.Root.Property("procedureCodes").Index(i), "Not a CDT code (D followed by four digits).");
            }
        }

        return parsed;
    }

    public static IReadOnlyList<BenefitCategory> ParseServiceTypes(IReadOnlyList<string>? codes, ValidationErrors errors)
    {
        var parsed = new List<BenefitCategory>();
        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            if (BenefitCategoryCodes.TryFromX12ServiceType(codes![i], out var category))
            {
                parsed.Add(category);
            }
            else
            {
                errors.Add(JsonPath.Root.Property("serviceTypeCodes").Index(i),
                    "Not a dental service type code (35, 23–28 or 36–41).");
            }
        }

        return parsed;
    }

    // A practice system that always sends the patient inline (it has no hub ids) must not get a new patient per question:
    // the same person is found by the practice's own id for them, else by name and birth date, and registered only once.
    private async Task<Patient?> FindOrRegisterAsync(Guid practiceId, PatientRequest request, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        var scoped = new ValidationErrors();
        var candidate = PatientValidation.TryCreate(practiceId, request, scoped, time);
        Merge(scoped, "$.patient", errors);
        if (candidate is null)
        {
            return null;
        }

        var (last, first, born) = (candidate.Name.Last.ToUpperInvariant(), candidate.Name.First.ToUpperInvariant(), candidate.BirthDate);
        var existing = candidate.ExternalId is { } external
            ? await db.Patients.SingleOrDefaultAsync(p => p.PracticeId == practiceId && p.ExternalId == external, cancellationToken)
            : await db.Patients.Where(p => p.PracticeId == practiceId && p.BirthDate == born
                    && p.Name.Last.ToUpper() == last && p.Name.First.ToUpper() == first)
                .OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        db.Patients.Add(candidate);
        return candidate;
    }

    // Likewise a coverage: the patient's coverage with the same payer and member id is the one asked about.
    private async Task<Coverage?> FindOrRegisterAsync(Patient patient, CoverageRequest request, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        var scoped = new ValidationErrors();
        var candidate = CoverageValidation.TryCreate(patient.PracticeId, patient.Id, request, scoped, id => payers.Find(id) is not null, time);
        Merge(scoped, "$.coverage", errors);
        if (candidate is null)
        {
            return null;
        }

        var existing = db.Entry(patient).State == EntityState.Added ? null
            : await db.Coverages.Where(c => c.PatientId == patient.Id && c.PayerId == candidate.PayerId && c.MemberId == candidate.MemberId)
                .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        db.Coverages.Add(candidate);
        return candidate;
    }

    // Inline objects are validated as documents of their own; re-root their paths under the request's property.
    private static void Merge(ValidationErrors inner, string prefix, ValidationErrors outer)
    {
        foreach (var (path, messages) in inner.ToDictionary())
        {
            foreach (var message in messages)
            {
                outer.Add(prefix + path[1..], message);
            }
        }
    }

    private DateOnly PracticeToday(string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}

/// <summary>A registered coverage with its patient and practice.</summary>
internal sealed record Registered(Coverage Coverage, Patient Patient, Practice Practice);

/// <summary>Who and what an eligibility question is about: the practice asking, the patient, the coverage and the date of service.</summary>
public sealed record EligibilitySubject(Practice Practice, Patient Patient, Coverage Coverage, DateOnly DateOfService);
