using System.Text.RegularExpressions;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DentalClaimsHub.Storage.Tests;

/// <summary>
/// A large save inside a transaction writes its timeline entries, claim payments and outbox events by binary COPY; the rows must
/// be the rows EF writes for the same unit of work without a transaction (row by row), in the same order.
/// </summary>
public sealed partial class HubDbContextBulkInsertTests(StorageDatabase database) : IClassFixture<StorageDatabase>, IAsyncLifetime
{
    private const int Claims = 220;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);
    private Guid _practice;
    private Guid _patient;
    private Guid _coverage;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        var practice = Practice.Create("Bulk Practice", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var patient = Patient.Create(practice.Id, new PersonName("Bulk", "Pat"), new DateOnly(1980, 1, 2), Sex.Female, Now);
        var coverage = Coverage.Create(practice.Id, patient.Id, "BULKPAYER", "M1", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        db.AddRange(practice, patient, coverage);
        await db.SaveChangesAsync();
        (_practice, _patient, _coverage) = (practice.Id, patient.Id, coverage.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveChanges_LargeUnitInATransaction_WritesTheRowsEfWritesRowByRow()
    {
        var (rowByRow, trackedByEf) = await SubmitAndPayAsync("ROW-", transaction: false);
        Assert.NotEmpty(trackedByEf);
        var (copied, tracked) = await SubmitAndPayAsync("COPY-", transaction: true);

        // Written by COPY, the outbox rows left the tracker (their identity is the table's); EF's stay tracked.
        Assert.Empty(tracked);
        var timeline = await TimelineAsync(rowByRow);
        Assert.True(timeline.Count >= Claims * 5, $"{timeline.Count} timeline rows");
        Assert.Equal(timeline, await TimelineAsync(copied));
        var payments = await PaymentsAsync(rowByRow);
        Assert.Equal(Claims, payments.Count);
        Assert.Equal(payments, await PaymentsAsync(copied));
        var outbox = await OutboxAsync(rowByRow);
        Assert.Equal(timeline.Count, outbox.Count);
        Assert.Equal(outbox, await OutboxAsync(copied));
    }

    [Fact]
    public async Task SaveChanges_CopiedRowBreaksAUniqueIndex_FailsAsADbUpdateException()
    {
        var taken = await SubmitAndPayAsync("TAKEN-", transaction: false);
        var takenPayment = await CreateContextPaymentIdAsync(taken.Claims[0]);
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claims = Enumerable.Range(0, Claims).Select(i => NewClaim($"DUP-{i:D4}")).ToList();
        db.Claims.AddRange(claims);
        db.Remittances.Add(Remittance(claims, "DUP", firstPaymentId: takenPayment));

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
    }

    [Fact]
    public async Task SaveChanges_ManyClaimsChangedInATransaction_UpdatesThemAndReadsTheirNewVersions()
    {
        var (claims, _) = await SubmitAndPayAsync("UPD-", transaction: false, adjudicate: false);
        await using (var db = database.CreateContext())
        {
            var ids = claims.Select(c => c.Id).ToList();
            var loaded = await db.Claims.Where(c => ids.Contains(c.Id)).ToListAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var claim in loaded)
            {
                claim.AcceptImplied("hub:remittance", Now.AddMinutes(5), "PAYER-" + claim.PatientControlNumber);
                claim.RecordAdjudication(ClaimState.Paid, "hub:remittance", Now.AddMinutes(5), null, "Paid in full.");
            }

            await db.SaveChangesAsync();
            // A second change in the same unit needs the versions the first save left: a stale one would fail here.
            loaded[0].Close("tester", Now.AddMinutes(6), "done");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var check = database.CreateContext();
        var stored = await check.Claims.AsNoTracking().Where(c => claims.Select(x => x.Id).Contains(c.Id)).ToListAsync();
        Assert.Equal(Claims, stored.Count(c => c.State is ClaimState.Paid or ClaimState.Closed));
        Assert.Single(stored, c => c.State == ClaimState.Closed);
        Assert.All(stored, c => Assert.Equal(("PAYER-" + c.PatientControlNumber, Now.AddMinutes(c.State == ClaimState.Closed ? 6 : 5)),
            (c.PayerClaimNumber, c.UpdatedAt)));
        Assert.All(stored, c => Assert.Equal(ClaimState.Paid, c.Timeline.Single(t => t.Sequence == 6).To));
    }

    [Fact]
    public async Task SaveChanges_ManyClaimsOneChangedMeanwhile_FailsAsAConcurrencyConflict()
    {
        var (claims, _) = await SubmitAndPayAsync("CNF-", transaction: false, adjudicate: false);
        await using var db = database.CreateContext();
        var ids = claims.Select(c => c.Id).ToList();
        var loaded = await db.Claims.Where(c => ids.Contains(c.Id)).ToListAsync();
        await using (var other = database.CreateContext())
        {
            var claim = await other.Claims.SingleAsync(c => c.Id == ids[7]);
            claim.AcceptImplied("someone else", Now.AddMinutes(5));
            await other.SaveChangesAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var claim in loaded)
        {
            claim.AcceptImplied("hub:remittance", Now.AddMinutes(6));
        }

        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.StartsWith($"1 of {Claims} claims were changed by someone else", conflict.Message, StringComparison.Ordinal);
    }

    private async Task<Guid> CreateContextPaymentIdAsync(Claim claim)
    {
        await using var db = database.CreateContext();
        return await db.ClaimPayments.Where(p => p.ClaimId == claim.Id).Select(p => p.Id).SingleAsync();
    }

    private async Task<(List<Claim> Claims, List<EntityState> Outbox)> SubmitAndPayAsync(string prefix, bool transaction, bool adjudicate = true)
    {
        await using var db = database.CreateContext();
        var claims = Enumerable.Range(0, Claims).Select(i => NewClaim($"{prefix}{i:D4}", adjudicate)).ToList();
        db.Claims.AddRange(claims);
        if (adjudicate)
        {
            db.Remittances.Add(Remittance(claims, prefix));
        }

        await using (var tx = transaction ? await db.Database.BeginTransactionAsync() : null)
        {
            await db.SaveChangesAsync();
            if (tx is not null)
            {
                await tx.CommitAsync();
            }
        }

        return (claims, db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.State).ToList());
    }

    private Claim NewClaim(string controlNumber, bool adjudicate = true)
    {
        var claim = Claim.Create(_practice, _patient, _coverage, "BULKPAYER", "USD", "tester", Now, controlNumber);
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(new ClaimLineDetails
        {
            Procedure = ProcedureCode.Cdt(CdtCode.Parse("D0120")),
            Fee = Money.Usd(185.50m),
            ServiceDate = new DateOnly(2026, 11, 18),
            DiagnosisPointers = [1],
        }, Now);
        claim.Validate("tester", Now.AddMinutes(1), new DateOnly(2026, 11, 20));
        claim.Queue("tester", Now.AddMinutes(2));
        claim.MarkSubmitted("tester", Now.AddMinutes(3));
        if (adjudicate)
        {
            claim.AcceptImplied("hub:remittance", Now.AddMinutes(4), "PCN-" + controlNumber);
            claim.RecordAdjudication(ClaimState.Paid, "hub:remittance", Now.AddMinutes(4), null, "Paid in full.");
        }

        return claim;
    }

    private Remittance Remittance(List<Claim> claims, string trace, Guid? firstPaymentId = null)
    {
        var payments = claims.Select((c, i) => new ClaimPayment
        {
            Id = i == 0 && firstPaymentId is { } id ? id : Guid.NewGuid(),
            PatientControlNumber = c.PatientControlNumber,
            Status = ClaimPaymentStatus.ProcessedAsPrimary,
            Charge = Money.Usd(185.50m),
            Paid = Money.Usd(150.25m),
            PatientResponsibility = Money.Usd(35.25m),
            Adjustments = [new Adjustment(AdjustmentGroup.PatientResponsibility, "2", Money.Usd(35.25m))],
            RemarkCodes = ["N130"],
            ServiceLines =
            [
                new ServiceLinePayment
                {
                    Charge = Money.Usd(185.50m), Paid = Money.Usd(150.25m), Procedure = ProcedureCode.Cdt(CdtCode.Parse("D0120")),
                    RawProcedureCode = "AD:D0120", Units = 1, ServiceDate = new DateOnly(2026, 11, 18), LineControlNumber = "L1",
                    Adjustments = [],
                },
            ],
        }).ToList();
        var remittance = Domain.Remittances.Remittance.Create("BULKPAYER", new PaymentInfo(PaymentMethod.Ach, Money.Usd(150.25m * claims.Count),
            new DateOnly(2026, 11, 20), trace), payments, Now, practiceId: _practice);
        foreach (var (payment, claim) in remittance.ClaimPayments.Zip(claims))
        {
            payment.MatchTo(claim.Id, [1]);
            payment.MarkPosted(Now.AddMinutes(4), claim.PatientControlNumber.EndsWith('7') ? "a note" : null);
        }

        return remittance;
    }

    // Every column of the claims' timeline rows, the claim named by its position in the batch (ids of one instant do not sort).
    private async Task<List<string>> TimelineAsync(List<Claim> claims)
    {
        await using var db = database.CreateContext();
        var ids = claims.Select(c => c.Id).ToList();
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT concat_ws('|', claim_id, sequence, "from", "to", at, actor, reason, raw_message_id, id) AS "Value"
            FROM claim_timeline WHERE claim_id = ANY({ids})
            """).ToListAsync();
        return [.. Normalized(rows, claims).Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> PaymentsAsync(List<Claim> claims)
    {
        await using var db = database.CreateContext();
        var ids = claims.Select(c => c.Id).ToList();
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT (to_jsonb(p) - 'id' - 'remittance_id')::text AS "Value" FROM claim_payments p WHERE claim_id = ANY({ids}) ORDER BY ordinal
            """).ToListAsync();
        return Normalized(rows, claims);
    }

    // The outbox rows in sequence order (the order the dispatcher publishes them), without their sequence and message ids.
    private async Task<List<string>> OutboxAsync(List<Claim> claims)
    {
        await using var db = database.CreateContext();
        var keys = claims.Select(c => HubDbContext.ClaimOrderingKey(c.Id)).ToList();
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT (to_jsonb(m) - 'sequence' - 'message_id')::text AS "Value" FROM outbox_messages m WHERE ordering_key = ANY({keys}) ORDER BY sequence
            """).ToListAsync();
        return Normalized(rows, claims);
    }

    // Claims and control numbers by position; other ids (timeline entries, messages) as a token.
    private static List<string> Normalized(List<string> rows, List<Claim> claims)
    {
        var tokens = claims.SelectMany((c, i) => new[] { (c.Id.ToString(), $"claim{i}"), (c.Id.ToString("N"), $"claim{i}"),
            (c.PatientControlNumber, $"pcn{i}") }).ToList();
        return rows.Select(row => GuidPattern().Replace(tokens.Aggregate(row, (text, token) => text.Replace(token.Item1, token.Item2, StringComparison.Ordinal)),
            "guid")).ToList();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
