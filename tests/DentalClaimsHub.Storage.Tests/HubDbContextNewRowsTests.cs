using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Audit;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DentalClaimsHub.Storage.Tests;

/// <summary>
/// A unit of work of new rows only is written in one round trip (<see cref="HubDbContext.TrySaveNewRowsAsync"/>): the rows
/// must be the rows EF's save writes, all or none of them, and anything else must be left to EF.
/// </summary>
public sealed class HubDbContextNewRowsTests(StorageDatabase database) : IClassFixture<StorageDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 15, 0, TimeSpan.Zero);
    private Practice _practice = null!;
    private Guid _patient;
    private Guid _coverage;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        _practice = Practice.Create("Rows Practice", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var patient = Patient.Create(_practice.Id, new PersonName("Row", "Pat"), new DateOnly(1980, 1, 2), Sex.Female, Now);
        var coverage = Coverage.Create(_practice.Id, patient.Id, "ROWSPAYER", "M1", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        db.AddRange(_practice, patient, coverage);
        await db.SaveChangesAsync();
        (_patient, _coverage) = (patient.Id, coverage.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TrySaveNewRows_AnAnsweredCheck_WritesTheRowsEfWrites()
    {
        var (efCheck, efMessage, efAudit) = Answer("EF1");
        await SaveWithEfAsync(efCheck, efMessage, efAudit);

        var (check, message, audit) = Answer("ONE");
        await using (var db = database.CreateContext())
        {
            db.AddRange(check, message, audit);

            Assert.True(await db.TrySaveNewRowsAsync(waitForFlush: false));

            Assert.Equal(EntityState.Unchanged, db.Entry(check).State);
            Assert.Equal(EntityState.Unchanged, db.Entry(message).State);
            // Keyed by an identity column: written, and no longer tracked (its key was not read back).
            Assert.Equal(EntityState.Detached, db.Entry(audit).State);
        }

        Assert.Equal(await RowAsync("eligibility_checks", efCheck.Id, efMessage.Id), await RowAsync("eligibility_checks", check.Id, message.Id));
        Assert.Equal(await RowAsync("messages", efMessage.Id, efCheck.Id), await RowAsync("messages", message.Id, check.Id));
        Assert.Equal(await AuditRowAsync("EF1"), await AuditRowAsync("ONE"));
    }

    [Fact]
    public async Task TrySaveNewRows_ThenAChange_IsSavedByEfAsAnUpdate()
    {
        var (check, message, audit) = Answer("UPD");
        await using var db = database.CreateContext();
        db.AddRange(check, message, audit);
        Assert.True(await db.TrySaveNewRowsAsync(waitForFlush: true));

        message.MarkParsed(MessageParseStatus.Failed, """["changed"]""");
        await db.SaveChangesAsync();

        await using var read = database.CreateContext();
        var stored = await read.Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
        Assert.Equal(MessageParseStatus.Failed, stored.ParseStatus);
    }

    [Fact]
    public async Task TrySaveNewRows_OneRowBreaksAKey_StoresNoneOfThem()
    {
        var again = await MessageWithATakenIdAsync("TAKEN");
        var (check, _, audit) = Answer("DUP");
        await using (var db = database.CreateContext())
        {
            db.AddRange(check, audit, again);

            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.TrySaveNewRowsAsync(waitForFlush: false));

            Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
            Assert.Equal(EntityState.Added, db.Entry(check).State);
        }

        Assert.Null(await RowAsync("eligibility_checks", check.Id));
        Assert.Null(await AuditRowAsync("DUP"));
    }

    [Fact]
    public async Task TrySaveNewRows_WithoutWaitingForTheFlush_LeavesTheConnectionsSettingAsItWas()
    {
        var (check, message, audit) = Answer("SYNC");
        await using var db = database.CreateContext();
        db.AddRange(check, message, audit);
        await db.Database.OpenConnectionAsync();

        Assert.True(await db.TrySaveNewRowsAsync(waitForFlush: false));

        await using var show = new NpgsqlCommand("SHOW synchronous_commit", (NpgsqlConnection)db.Database.GetDbConnection());
        Assert.Equal("on", await show.ExecuteScalarAsync());
        await db.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task TrySaveNewRows_AChangedRow_IsLeftToEf()
    {
        await using var db = database.CreateContext();
        var coverage = await db.Coverages.SingleAsync(c => c.Id == _coverage);
        coverage.Update("ROWSPAYER", "M1-CHANGED", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        var (check, _, _) = Answer("MOD");
        db.Add(check);

        Assert.False(await db.TrySaveNewRowsAsync(waitForFlush: false));

        Assert.Equal(EntityState.Added, db.Entry(check).State);
        Assert.Null(await RowAsync("eligibility_checks", check.Id));
    }

    [Fact]
    public async Task TrySaveNewRows_AnOutboxRow_IsLeftToEf()
    {
        await using var db = database.CreateContext();
        var (check, _, _) = Answer("OUT");
        db.Add(check);
        db.Enqueue(new RowsEvent("x"), Now, _practice.Id);

        Assert.False(await db.TrySaveNewRowsAsync(waitForFlush: false));

        Assert.Null(await RowAsync("eligibility_checks", check.Id));
    }

    [Fact]
    public async Task TrySaveNewRows_ANewRowPointingAtAnotherNewRow_IsLeftToEf()
    {
        await using var db = database.CreateContext();
        var patient = Patient.Create(_practice.Id, new PersonName("New", "Pat"), new DateOnly(1990, 3, 4), Sex.Male, Now);
        var coverage = Coverage.Create(_practice.Id, patient.Id, "ROWSPAYER", "M2", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        db.AddRange(coverage, patient);

        Assert.False(await db.TrySaveNewRowsAsync(waitForFlush: false));

        await db.SaveChangesAsync();
        Assert.NotNull(await RowAsync("coverages", coverage.Id));
    }

    [Fact]
    public async Task TrySaveNewRows_ANewRowPointingAtAnotherNewRowOfAPlainTable_IsLeftToEf()
    {
        // Both tables could go as unnest: only the reference between the two new rows leaves the unit to EF's ordering.
        await using var db = database.CreateContext();
        var coverage = Coverage.Create(_practice.Id, _patient, "ROWSPAYER", "M3", CoverageOrder.Secondary, SubscriberRelationship.Self, Now);
        var check = EligibilityCheck.Create(_practice.Id, _patient, coverage.Id, "ROWSPAYER", new DateOnly(2026, 11, 24), Now);
        db.AddRange(check, coverage);

        Assert.False(await db.TrySaveNewRowsAsync(waitForFlush: false));

        await db.SaveChangesAsync();
        Assert.NotNull(await RowAsync("eligibility_checks", check.Id));
    }

    [Fact]
    public async Task TrySaveNewRows_ManyRowsOfOneTable_WritesThemAll()
    {
        var (check, _, audit) = Answer("MANY");
        // 23 rows of one table, in one statement of array parameters.
        var messages = Enumerable.Range(0, 23).Select(i => StoredMessage.Create(MessageDirection.Outbound, "x12", "270",
            Encoding.UTF8.GetBytes($"ISA*MANY{i}~"), "application/edi-x12", Now, "ROWSPAYER", _practice.Id)).ToList();
        await using (var db = database.CreateContext())
        {
            db.AddRange(check, audit);
            db.AddRange(messages);

            Assert.True(await db.TrySaveNewRowsAsync(waitForFlush: true));
        }

        await using var read = database.CreateContext();
        var ids = messages.Select(m => m.Id).ToList();
        var stored = await read.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        Assert.Equal(ids.Order(), stored.Order());
        Assert.NotNull(await RowAsync("eligibility_checks", check.Id));
    }

    [Fact]
    public async Task TrySaveNewRows_ArrayColumnsWithQuotesBackslashesAndCommas_WritesTheValuesEfWrites()
    {
        // Array columns go as PostgreSQL array literals inside a text[] (unnest cannot carry an array of arrays).
        string[] awkward = ["a\"b", "c\\d", "e,f", "{g}", " h ", "", "NULL", "i'j"];
        var (efCheck, efMessage, efAudit) = Answer("EFA");
        efMessage.WithEnvelope("SENDER", "RECEIVER", "000000123", "123", awkward);
        efMessage.Link(Guid.CreateVersion7(Now));
        await SaveWithEfAsync(efCheck, efMessage, efAudit);
        var (_, empty, _) = Answer("EMPTY");
        empty.WithEnvelope(null, null, null, null, []);

        var (check, message, audit) = Answer("ARR");
        message.WithEnvelope("SENDER", "RECEIVER", "000000123", "123", awkward);
        message.Link(efMessage.LinkedIds[1]);
        await using (var db = database.CreateContext())
        {
            db.AddRange(check, message, audit, empty);

            Assert.True(await db.TrySaveNewRowsAsync(waitForFlush: true));
        }

        await using var read = database.CreateContext();
        var stored = await read.Messages.AsNoTracking().Where(m => m.Id == message.Id || m.Id == empty.Id).ToListAsync();
        Assert.Equal(awkward, stored.Single(m => m.Id == message.Id).TransactionControlNumbers);
        Assert.Equal([check.Id, efMessage.LinkedIds[1]], stored.Single(m => m.Id == message.Id).LinkedIds);
        Assert.Empty(stored.Single(m => m.Id == empty.Id).TransactionControlNumbers);
        Assert.Equal(await RowAsync("messages", efMessage.Id, efCheck.Id), await RowAsync("messages", message.Id, check.Id));
    }

    [Fact]
    public async Task Writer_UnitsArrivingWithinTheWindow_AreWrittenTogetherInOneTransactionAsEfWouldWriteThem()
    {
        var (efCheck, efMessage, efAudit) = Answer("EFG");
        await SaveWithEfAsync(efCheck, efMessage, efAudit);

        using var host = WriterHost(TimeSpan.FromSeconds(1));
        var writer = host.Services.GetRequiredService<NewRowsWriter>();
        var units = new[] { "GR0", "GR1", "GR2", "GR3" }.Select(Answer).ToList();

        // The first is written at once; the three that come within its window wait for the window to pass and go as one.
        await WriteAsync(writer, units[0]);
        await Task.WhenAll(units[1..].Select(unit => WriteAsync(writer, unit)).ToList());

        var transactions = await Task.WhenAll(units.Select(u => TransactionOfAsync(u.Check.Id)));
        Assert.NotEqual(transactions[0], transactions[1]);
        Assert.Equal([transactions[1]], transactions[1..].Distinct());
        Assert.Equal(await RowAsync("eligibility_checks", efCheck.Id, efMessage.Id),
            await RowAsync("eligibility_checks", units[2].Check.Id, units[2].Message.Id));
        Assert.Equal(await RowAsync("messages", efMessage.Id, efCheck.Id), await RowAsync("messages", units[2].Message.Id, units[2].Check.Id));
        Assert.Equal(await AuditRowAsync("EFG"), (await AuditRowAsync("GR2"))?.Replace("GR2", "EFG", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_OneUnitOfAGroupBreaksAKey_FailsAloneAndTheOthersAreStored()
    {
        var again = await MessageWithATakenIdAsync("WTAKEN");
        using var host = WriterHost(TimeSpan.FromSeconds(1));
        var writer = host.Services.GetRequiredService<NewRowsWriter>();
        await WriteAsync(writer, Answer("W0"));
        var good = Answer("W1");
        var (badCheck, _, badAudit) = Answer("W2");
        var other = Answer("W3");

        var writes = new[] { WriteAsync(writer, good), WriteAsync(writer, (badCheck, again, badAudit)), WriteAsync(writer, other) };

        await writes[0];
        await writes[2];
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => writes[1]);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        Assert.NotNull(await RowAsync("eligibility_checks", good.Check.Id));
        Assert.NotNull(await RowAsync("eligibility_checks", other.Check.Id));
        Assert.Null(await RowAsync("eligibility_checks", badCheck.Id));
        Assert.Null(await AuditRowAsync("W2"));
    }

    [Fact]
    public async Task Writer_AWriteRightAfterAnother_WaitsForTheWindow()
    {
        using var host = WriterHost(TimeSpan.FromMilliseconds(400));
        var writer = host.Services.GetRequiredService<NewRowsWriter>();
        var started = Stopwatch.StartNew();

        await WriteAsync(writer, Answer("PA0"));
        await WriteAsync(writer, Answer("PA1"));

        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(400), $"The second write ended {started.Elapsed} after the first began.");
    }

    [Fact]
    public async Task Writer_ADatabaseOutOfReach_FailsTheGroupAndEverythingQueuedBehindItWithTheSameFailure()
    {
        // A server that accepts connections and never answers: a write hangs until its connection times out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var reached = silent.AcceptTcpClientAsync();
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port, Timeout = 2,
        };
        using var host = WriterHost(TimeSpan.Zero, unreachable.ConnectionString);
        var writer = host.Services.GetRequiredService<NewRowsWriter>();

        var first = WriteAsync(writer, Answer("OUT0"));
        using var held = await reached;
        var queued = new[] { "OUT1", "OUT2", "OUT3" }.Select(tag => WriteAsync(writer, Answer(tag))).ToList();

        // One attempt, one failure for all: the units queued behind it are not tried again, one group after another.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => first);
        Assert.IsNotType<DbUpdateException>(failure);
        foreach (var write in queued)
        {
            Assert.Same(failure, await Assert.ThrowsAnyAsync<Exception>(() => write));
        }
    }

    private async Task WriteAsync(NewRowsWriter writer, (EligibilityCheck Check, StoredMessage Message, AuditEvent Audit) unit)
    {
        await using var db = database.CreateContext();
        db.AddRange(unit.Check, unit.Message, unit.Audit);
        var rows = db.TakeNewRows(waitForFlush: false) ?? throw new InvalidOperationException("Not a unit of new rows.");
        await writer.WriteAsync(rows);
        rows.Saved();
        Assert.Equal(EntityState.Unchanged, db.Entry(unit.Check).State);
    }

    private async Task SaveWithEfAsync(params object[] rows)
    {
        await using var db = database.CreateContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    // A new message whose id a stored one already has: its INSERT breaks the primary key.
    private async Task<StoredMessage> MessageWithATakenIdAsync(string tag)
    {
        var (_, taken, _) = Answer(tag);
        await SaveWithEfAsync(taken);
        return StoredMessage.Create(MessageDirection.Inbound, "x12", "271", Encoding.UTF8.GetBytes("again"), "application/edi-x12", Now,
            id: taken.Id);
    }

    private IHost WriterHost(TimeSpan window, string? connectionString = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Hub"] = connectionString ?? database.ConnectionString;
        builder.Configuration["Hub:GroupCommit:Window"] = window.ToString();
        builder.AddHubStorage();
        return builder.Build();
    }

    // The id of the transaction that wrote the check.
    private async Task<string?> TransactionOfAsync(Guid check)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xmin::text FROM eligibility_checks WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = check });
        return (string?)await command.ExecuteScalarAsync();
    }

    private (EligibilityCheck Check, StoredMessage Message, AuditEvent Audit) Answer(string tag)
    {
        var id = Guid.CreateVersion7(Now);
        var check = EligibilityCheck.Create(_practice.Id, _patient, _coverage, "ROWSPAYER", new DateOnly(2026, 12, 1), Now,
            [BenefitCategory.Preventive, BenefitCategory.Restorative], id, [ProcedureCode.Cdt(CdtCode.Parse("D0120"))], ProviderIdentity.Of(_practice));
        var message = StoredMessage.Create(MessageDirection.Inbound, "x12", "271", Encoding.UTF8.GetBytes($"ISA*{tag}~"),
                "application/edi-x12", Now, "ROWSPAYER", _practice.Id)
            .WithEnvelope("SENDER", "RECEIVER", "000000123", "123", ["0001", "0002"]);
        message.Link(id);
        message.MarkParsed(MessageParseStatus.PartiallyParsed, """[{"text":"a finding"}]""");
        check.Complete(new EligibilityResult(CoverageStatus.Active, Now)
        {
            PlanName = "Dental PPO", GroupNumber = "G-1", PlanBegin = new DateOnly(2026, 1, 1), RawMessageId = message.Id,
        }, Now.AddSeconds(1));
        var audit = AuditEvent.Create(Now, "api-client", "client-1", _practice.Id, "eligibility.requested", "eligibility-check", tag,
            """{"tag":"x"}""");
        return (check, message, audit);
    }

    // The stored row as JSON without the columns that differ by design (raw bytes and their hash), its own id and the other
    // row's masked.
    private async Task<string?> RowAsync(string table, Guid id, Guid? other = null)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT (to_jsonb(t) - 'content' - 'sha256')::text FROM {table} t WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var row = (string?)await command.ExecuteScalarAsync();
        return row?.Replace(id.ToString(), "<id>", StringComparison.Ordinal)
            .Replace(other?.ToString() ?? "<none>", "<other>", StringComparison.Ordinal);
    }

    private async Task<string?> AuditRowAsync(string tag)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (to_jsonb(t) - 'id' - 'entity_id')::text FROM audit_events t WHERE entity_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        return (string?)await command.ExecuteScalarAsync();
    }

    private sealed record RowsEvent(string Value);
}
