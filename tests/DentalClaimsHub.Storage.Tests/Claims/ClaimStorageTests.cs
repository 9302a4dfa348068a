using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.Tests.Claims;

public sealed class ClaimStorageTests(StorageDatabase database) : IClassFixture<StorageDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);
    private Guid _practiceA;
    private Guid _practiceB;
    private Guid _patient;
    private Guid _coverage;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        var a = Practice.Create("Claims Practice A", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var b = Practice.Create("Claims Practice B", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var patient = Patient.Create(a.Id, new PersonName("Test", "Pat"), new DateOnly(1980, 1, 2), Sex.Female, Now);
        var coverage = Coverage.Create(a.Id, patient.Id, "PAYER1", "M1", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        db.AddRange(a, b, patient, coverage);
        await db.SaveChangesAsync();
        (_practiceA, _practiceB, _patient, _coverage) = (a.Id, b.Id, patient.Id, coverage.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static TenantContext ForPractice(Guid practiceId)
    {
        var tenant = new TenantContext();
        tenant.UsePractice(practiceId);
        return tenant;
    }

    private Claim NewClaim(string? controlNumber = null)
    {
        var claim = Claim.Create(_practiceA, _patient, _coverage, "PAYER1", "USD", "tester", Now, controlNumber);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K05.10")], Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Cdt(CdtCode.Parse("D2392")),
            Fee = Money.Usd(185.50m),
            ServiceDate = new DateOnly(2026, 11, 18),
            Tooth = ToothNumber.ParseUniversal("3"),
            Surfaces = SurfaceSet.Parse("MO"),
            DiagnosisPointers = [1],
        }, Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Cdt(CdtCode.Parse("D4341")),
            Fee = Money.Usd(240.00m),
            ServiceDate = new DateOnly(2026, 11, 18),
            Area = OralCavityArea.UpperRight,
            DiagnosisPointers = [2],
        }, Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Cdt(CdtCode.Parse("D0120")),
            Fee = Money.Usd(55.25m),
            ServiceDate = new DateOnly(2026, 11, 18),
        }, Now);
        return claim;
    }

    [Fact]
    public async Task AFullClaim_RoundTripsFieldByField()
    {
        var claim = NewClaim();
        claim.AddAttachment(new ClaimAttachment("RB", AttachmentTransmission.Electronic, "ATT-1", "image/png", 2048, "blobs/att-1", "xray.png"), Now);
        claim.SetMissingTeeth([new MissingTooth(ToothNumber.ParseUniversal("1"), MissingToothStatus.Missing), new MissingTooth(ToothNumber.ParseUniversal("32"), MissingToothStatus.ToBeExtracted)], Now);
        claim.SetOrthodontics(new OrthodonticInfo(24, 10, new DateOnly(2025, 12, 1)), Now);
        claim.SetAccident(new AccidentInfo(AccidentCause.AutoAccident, new DateOnly(2026, 10, 1), "TX"), Now);
        claim.TransitionTo(ClaimState.Validated, "tester", Now.AddMinutes(1));
        claim.Queue("tester", Now.AddMinutes(2));
        claim.MarkSubmitted("sender", Now.AddMinutes(3));
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Claims.SingleAsync(c => c.Id == claim.Id);

        Assert.Equal(claim.PracticeId, loaded.PracticeId);
        Assert.Equal(claim.PatientControlNumber, loaded.PatientControlNumber);
        Assert.Equal(claim.Frequency, loaded.Frequency);
        Assert.Equal(ClaimState.Submitted, loaded.State);
        Assert.Equal(claim.CreatedAt, loaded.CreatedAt);
        Assert.Equal(TimeSpan.Zero, loaded.UpdatedAt.Offset);
        Assert.Equal(claim.UpdatedAt, loaded.UpdatedAt);
        Assert.Equal(claim.Diagnoses, loaded.Diagnoses);
        Assert.Equal(claim.Attachments, loaded.Attachments);
        Assert.Equal(claim.MissingTeeth, loaded.MissingTeeth);
        Assert.Equal(claim.Orthodontics, loaded.Orthodontics);
        Assert.Equal(claim.Accident, loaded.Accident);
        Assert.Equal(claim.Total, loaded.Total);
        Assert.Equal(3, loaded.Lines.Count);
        foreach (var (expected, actual) in claim.Lines.Zip(loaded.Lines.OrderBy(l => l.LineNumber)))
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.ToDetails() with { AdditionalTeeth = [], DiagnosisPointers = [] }, actual.ToDetails() with { AdditionalTeeth = [], DiagnosisPointers = [] });
            Assert.Equal(expected.AdditionalTeeth, actual.AdditionalTeeth);
            Assert.Equal(expected.DiagnosisPointers, actual.DiagnosisPointers);
        }

        var timeline = loaded.Timeline.OrderBy(t => t.Sequence).ToList();
        Assert.Equal(claim.Timeline.Select(t => (t.Sequence, t.From, t.To, t.At, t.Actor)), timeline.Select(t => (t.Sequence, t.From, t.To, t.At, t.Actor)));
    }

    [Fact]
    public async Task APracticesPayToAddress_RoundTripsBesideItsBillingAddress()
    {
        var practice = Practice.Create("Pay-to Practice", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        practice.SetAddress(new Address("1200 Shore Dr", "Suite 4", "Lakeside", "IL", "60601", "US"));
        practice.SetPayToAddress(new Address("PO Box 4471", null, "Chicago", "IL", "60680-4471", "US"));
        await using (var db = database.CreateContext())
        {
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var again = await read.Practices.SingleAsync(p => p.Id == practice.Id);
        Assert.Equal(practice.Address, again.Address);
        Assert.Equal(practice.PayToAddress, again.PayToAddress);
    }

    [Fact]
    public async Task ATransitionAfterReload_Persists()
    {
        var claim = NewClaim();
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Claims.SingleAsync(c => c.Id == claim.Id);
            loaded.TransitionTo(ClaimState.Validated, "tester", Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var again = await read.Claims.SingleAsync(c => c.Id == claim.Id);
        Assert.Equal(ClaimState.Validated, again.State);
        Assert.Equal([ClaimState.Draft, ClaimState.Validated], again.Timeline.OrderBy(t => t.Sequence).Select(t => t.To));
    }


    [Fact]
    public async Task JsonListColumns_AReadClaimSavesNothing_AndAChangedListIsWritten()
    {
        var claim = NewClaim();
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            // Snapshots of the jsonb lists (diagnoses, attachments, missing teeth, line teeth and pointers) equal what was read.
            var loaded = await db.Claims.SingleAsync(c => c.Id == claim.Id);
            Assert.Equal(0, await db.SaveChangesAsync());
            loaded.SetDiagnoses([Icd10Code.Parse("K02.52")], Now.AddMinutes(1));
            Assert.True(await db.SaveChangesAsync() > 0);
        }

        await using var read = database.CreateContext();
        var again = await read.Claims.SingleAsync(c => c.Id == claim.Id);
        Assert.Equal([Icd10Code.Parse("K02.52")], again.Diagnoses);
    }

    [Fact]
    public async Task ATransitionOfAClaimReadWithoutItsTimeline_ContinuesTheSequence()
    {
        var claim = NewClaim();
        claim.TransitionTo(ClaimState.Validated, "tester", Now);
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            // As a large 835 reads its claims: lines only.
            var loaded = await db.Claims.IgnoreAutoIncludes().Include(c => c.Lines).SingleAsync(c => c.Id == claim.Id);
            Assert.Empty(loaded.Timeline);
            Assert.Equal(2, loaded.TimelineLength);
            loaded.TransitionTo(ClaimState.Queued, "tester", Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var again = await read.Claims.SingleAsync(c => c.Id == claim.Id);
        Assert.Equal([(1, ClaimState.Draft), (2, ClaimState.Validated), (3, ClaimState.Queued)],
            again.Timeline.OrderBy(t => t.Sequence).Select(t => (t.Sequence, t.To)));
        Assert.Equal(3, again.TimelineLength);
    }
    [Fact]
    public async Task ADuplicatePatientControlNumberForThePayer_IsRejected()
    {
        var number = "PCN" + Guid.NewGuid().ToString("N")[..10];
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(NewClaim(number));
            await db.SaveChangesAsync();
        }

        await using var second = database.CreateContext();
        second.Claims.Add(NewClaim(number));
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task APreAuthorizationWithLineDecisions_RoundTrips()
    {
        var pre = PreAuthorization.Create(_practiceA, _patient, _coverage, "PAYER1", PreAuthorizationKind.Predetermination, "USD", Now);
        pre.AddLine(ProcedureCode.Cdt(CdtCode.Parse("D2740")), Money.Usd(1200m), Now, tooth: ToothNumber.ParseUniversal("14"));
        pre.AddLine(ProcedureCode.Cdt(CdtCode.Parse("D2391")), Money.Usd(180m), Now, tooth: ToothNumber.ParseUniversal("19"), surfaces: SurfaceSet.Parse("DO"));
        pre.MarkSubmitted(Now.AddMinutes(1));
        pre.RecordDecision(
            [new LineDecisionInput(1, LineDecision.Modified, Money.Usd(950.00m), "alternate benefit"), new LineDecisionInput(2, LineDecision.Denied)],
            Now.AddDays(3), "REF123", new DateOnly(2026, 11, 23), new DateOnly(2027, 5, 23), Money.Usd(950m));
        await using (var db = database.CreateContext())
        {
            db.PreAuthorizations.Add(pre);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.PreAuthorizations.SingleAsync(p => p.Id == pre.Id);
        Assert.Equal(pre.Status, loaded.Status);
        Assert.Equal(pre.Lines, loaded.Lines);
        Assert.Equal(pre.Limit, loaded.Limit);
        Assert.Equal(pre.DecidedAt, loaded.DecidedAt);
        Assert.Equal(pre.ReferenceNumber, loaded.ReferenceNumber);
        Assert.Equal(pre.TotalApproved, loaded.TotalApproved);
    }

    [Fact]
    public async Task AContextForAnotherPractice_SeesNoneOfTheClaims()
    {
        var claim = NewClaim();
        var pre = PreAuthorization.Create(_practiceA, _patient, _coverage, "PAYER1", PreAuthorizationKind.Predetermination, "USD", Now);
        await using (var db = database.CreateContext())
        {
            db.Claims.Add(claim);
            db.PreAuthorizations.Add(pre);
            await db.SaveChangesAsync();
        }

        await using var other = database.CreateContext(ForPractice(_practiceB));
        Assert.False(await other.Claims.AnyAsync());
        Assert.False(await other.PreAuthorizations.AnyAsync());
        await using var own = database.CreateContext(ForPractice(_practiceA));
        Assert.True(await own.Claims.AnyAsync(c => c.Id == claim.Id));
    }
}
