using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The message search and a message's page: found by claim number, control number and patient, the raw 277CA with its
/// link to the claim, its view audited; a replay by an administrator goes through the inbound ingestor, which recognises
/// the file and changes nothing; an auditor neither sees the button nor gets past the service.
/// </summary>
public sealed class MessagesPageTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task An_admin_finds_the_277CA_by_claim_number_reads_it_and_replays_it_without_applying_it_twice()
    {
        var (claim, pcn, _) = await RejectedClaimAsync(factory, "Messages Dental");
        var ack = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.TransactionType == "277CA" && m.LinkedIds.Contains(claim.Id)));
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Messages");
        await page.Locator("[data-filter='claim']").FillAsync(pcn);
        await page.Locator("[data-action='search']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"claim={pcn}"));
        await Assertions.Expect(page.Locator($"tr[data-message='{ack.Id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-type='837']")).ToHaveCountAsync(1);
        await AccessibleAsync(page, "messages-01-search");

        await page.Locator("[data-filter='direction']").SelectOptionAsync("Inbound");
        await page.Locator("[data-action='search']").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-type='837']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"tr[data-message='{ack.Id}']")).ToBeVisibleAsync();

        await page.Locator($"tr[data-message='{ack.Id}'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Message x12 277CA");
        await Assertions.Expect(page.Locator("pre.raw")).ToContainTextAsync("STC");
        await Assertions.Expect(page.Locator($"li[data-link='{claim.Id}'] a")).ToHaveTextAsync($"Claim {pcn}");
        await AccessibleAsync(page, "messages-02-detail");

        var timeline = await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.Timeline.Count).SingleAsync());
        await page.Locator("[data-action='replay']").ClickAsync();
        await Assertions.Expect(page.Locator("section.replay-result")).ToContainTextAsync("already holds this file");
        await AccessibleAsync(page, "messages-03-replayed");
        Assert.Equal(timeline, await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.Timeline.Count).SingleAsync()));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Messages.CountAsync(m => m.Sha256 == ack.Sha256)));

        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == "phi.read" && e.EntityType == "message" && e.EntityId == ack.Id.ToString() && e.ActorId == admin.Id.ToString())));
        var replayed = await factory.InDatabaseAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "message.replayed" && e.EntityId == ack.Id.ToString()));
        Assert.Equal(admin.Id.ToString(), replayed.ActorId);
        Assert.True(System.Text.Json.JsonDocument.Parse(replayed.Details!).RootElement.GetProperty("duplicate").GetBoolean());

        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Сообщение x12 277CA");
        await AccessibleAsync(page, "messages-04-detail-ru");
    }

    [Fact]
    public async Task An_auditor_reads_a_message_but_sees_no_replay_and_the_service_refuses_one()
    {
        var (claim, _, _) = await RejectedClaimAsync(factory, "Auditor Dental");
        var ack = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.TransactionType == "277CA" && m.LinkedIds.Contains(claim.Id)));
        var (auditor, userName) = await CreateUserAsync(factory, "Audrey Auditor", ConsoleRoles.Auditor);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, userName, "Colleague-Password-1");

        await page.GotoAsync($"/console/messages/{ack.Id}");
        await Assertions.Expect(page.Locator("pre.raw")).ToContainTextAsync("STC");
        await Assertions.Expect(page.Locator("[data-action='replay']")).ToHaveCountAsync(0);

        var replay = Replay(auditor, ConsoleRoles.Auditor);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => replay.ReplayAsync(ack.Id, default));
        Assert.False(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "message.replayed" && e.ActorId == auditor.ToString())));
    }

    [Fact]
    public async Task Replay_refuses_an_outbound_file_and_reports_an_unknown_one()
    {
        var (claim, _, _) = await RejectedClaimAsync(factory, "Outbound Dental");
        var submission = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Outbound && m.TransactionType == "837"
            && m.LinkedIds.Contains(claim.Id)));
        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        var replay = Replay(admin.Id, ConsoleRoles.Admin);

        var outbound = await replay.ReplayAsync(submission.Id, default);
        Assert.False(outbound.Replayed);
        Assert.Equal("not-inbound", outbound.Refusal);
        Assert.Null(outbound.Result);
        Assert.Equal("not-found", (await replay.ReplayAsync(Guid.NewGuid(), default)).Refusal);
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "message.replayed" && e.EntityId == submission.Id.ToString())));
    }

    [Fact]
    public async Task The_search_finds_by_each_control_number_by_patient_and_by_date_and_pages()
    {
        var (claim, pcn, _) = await RejectedClaimAsync(factory, "Search Dental");
        var ack = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.TransactionType == "277CA" && m.LinkedIds.Contains(claim.Id)));
        var patient = await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.PatientId).SingleAsync());
        var search = new MessageSearch(factory.Services.GetRequiredService<IDbContextFactory<HubDbContext>>(),
            factory.Services.GetRequiredService<DentalClaimsHub.Storage.Protection.IStoredFileProtector>());

        Assert.Contains((await search.SearchAsync(new MessageFilter { ControlNumber = ack.InterchangeControlNumber }, default)).Rows, r => r.Id == ack.Id);
        Assert.Contains((await search.SearchAsync(new MessageFilter { ControlNumber = ack.GroupControlNumber }, default)).Rows, r => r.Id == ack.Id);
        Assert.Contains((await search.SearchAsync(new MessageFilter { ControlNumber = ack.TransactionControlNumbers[0] }, default)).Rows, r => r.Id == ack.Id);
        Assert.Contains((await search.SearchAsync(new MessageFilter { Claim = claim.Id.ToString() }, default)).Rows, r => r.Id == ack.Id);
        var byPatient = await search.SearchAsync(new MessageFilter { PatientId = patient, TransactionType = "277CA" }, default);
        Assert.Equal([ack.Id], byPatient.Rows.Select(r => r.Id));
        Assert.Empty((await search.SearchAsync(new MessageFilter { Claim = pcn, Direction = MessageDirection.Outbound, TransactionType = "277CA" }, default)).Rows);
        var today = DateOnly.FromDateTime(ack.ReceivedAt.UtcDateTime);
        Assert.Contains((await search.SearchAsync(new MessageFilter { Claim = pcn, From = today, To = today }, default)).Rows, r => r.Id == ack.Id);
        Assert.Empty((await search.SearchAsync(new MessageFilter { Claim = pcn, From = today.AddDays(1) }, default)).Rows);
        Assert.Empty((await search.SearchAsync(new MessageFilter { Claim = pcn, To = today.AddDays(-1) }, default)).Rows);

        var all = await search.SearchAsync(new MessageFilter(), default);
        Assert.True(all.Rows.Count <= MessageSearch.PageSize);
        Assert.Empty((await search.SearchAsync(new MessageFilter { Page = all.Total / MessageSearch.PageSize + 1 }, default)).Rows);
    }

    [Fact]
    public async Task Replay_applies_a_held_277CA_once_its_claim_exists_and_never_twice()
    {
        var (claim, pcn, _) = await RejectedClaimAsync(factory, "Held Dental");
        var ack = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.TransactionType == "277CA" && m.LinkedIds.Contains(claim.Id)));
        var text = System.Text.Encoding.UTF8.GetString(ack.Content);
        // The same 277CA, under another interchange number, for a claim the hub does not have yet: kept, held, nothing applied.
        var later = "H" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (icn, otherIcn) = (text.Substring(90, 9), Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"TRN*2*{pcn}~", text, StringComparison.Ordinal);
        var held = text[..90] + otherIcn + text[99..].Replace($"IEA*1*{icn}", $"IEA*1*{otherIcn}", StringComparison.Ordinal)
            .Replace($"TRN*2*{pcn}~", $"TRN*2*{later}~", StringComparison.Ordinal);
        InboundResult first;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<InboundX12Ingestor>().IngestAsync(ack.PayerId!, System.Text.Encoding.UTF8.GetBytes(held), "test", default);
        }

        Assert.Equal((false, 0), (first.Duplicate, first.ClaimsUpdated));
        var stored = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Id == first.MessageId));
        Assert.Equal(MessageParseStatus.PartiallyParsed, stored.ParseStatus);
        Assert.True(InboundHold.IsHeld(stored));

        // The claim it names is submitted afterwards (the payer answered before our copy caught up).
        var laterClaim = await factory.InDatabaseAsync(async db =>
        {
            var original = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id);
            var now = DateTimeOffset.UtcNow;
            var made = Domain.Claims.Claim.Create(original.PracticeId, original.PatientId, original.CoverageId, original.PayerId, "USD", "test", now, later);
            made.SetDiagnoses([Domain.Values.Icd10Code.Parse("K02.52")], now);
            made.AddLine(new Domain.Claims.ClaimLineDetails
            {
                Procedure = Domain.Values.ProcedureCode.Cdt(Domain.Values.CdtCode.Parse("D0120")), Fee = Domain.Values.Money.Usd(55m),
                ServiceDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)),
            }, now);
            made.Validate("test", now, DateOnly.FromDateTime(now.UtcDateTime));
            made.Queue("test", now);
            made.MarkSubmitted("test", now);
            db.Claims.Add(made);
            await db.SaveChangesAsync();
            return made.Id;
        });

        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        var replay = Replay(admin.Id, ConsoleRoles.Admin);
        var applied = await replay.ReplayAsync(stored.Id, default);
        Assert.True(applied.Replayed);
        Assert.Equal((stored.Id, false, 1), (applied.Result!.MessageId, applied.Result.Duplicate, applied.Result.ClaimsUpdated));
        var rejected = await factory.InDatabaseAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == laterClaim));
        Assert.Equal(Domain.Claims.ClaimState.Rejected, rejected.State);
        Assert.Equal(("277ca", stored.Id), (rejected.Timeline[^1].ReasonCode, rejected.Timeline[^1].RawMessageId));
        stored = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Id == first.MessageId));
        Assert.Equal([laterClaim], stored.LinkedIds);
        Assert.False(InboundHold.IsHeld(stored));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Messages.CountAsync(m => m.Sha256 == stored.Sha256)));

        // Applied once: a second replay is answered as a duplicate and the claim's history does not grow.
        var again = await replay.ReplayAsync(stored.Id, default);
        Assert.True(again.Result!.Duplicate);
        Assert.Equal(0, again.Result.ClaimsUpdated);
        Assert.Equal(rejected.Timeline.Count, await factory.InDatabaseAsync(db => db.Set<Domain.Claims.ClaimTimelineEntry>().CountAsync(t => t.ClaimId == laterClaim)));
        var audits = await factory.InDatabaseAsync(db => db.AuditEvents.Where(e => e.Action == "message.replayed" && e.EntityId == stored.Id.ToString())
            .Select(e => e.Details!).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("reapplied").GetBoolean());
    }

    [Fact]
    public async Task Replay_applies_a_held_FHIR_ClaimResponse_once_its_claim_exists_and_never_twice()
    {
        var practice = await factory.CreatePracticeAsync("Held FHIR Dental");
        var pcn = "HF-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var insurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        // The payer queues a claim for review before our copy of the claim exists: kept, held, nothing applied.
        var queued = """
            {"resourceType":"ClaimResponse","status":"active","type":{"coding":[{"code":"oral"}]},"use":"claim","patient":{"display":"x"},
             "created":"2026-11-20","insurer":{"display":"Demo"},"outcome":"queued","disposition":"Sent for clinical review",
             "request":{"identifier":{"system":"urn:dentalclaimshub:patient-control-number","value":"THE-PCN"}}}
            """.Replace("THE-PCN", pcn, StringComparison.Ordinal);
        var pushed = await insurer.PostAsync("/inbound/demo-fhir-dental/fhir",
            new StringContent(queued, System.Text.Encoding.UTF8, "application/fhir+json"));
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
        var first = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<InboundResult>(pushed.Content))!;
        Assert.Equal((false, 0, "ClaimResponse"), (first.Duplicate, first.ClaimsUpdated, first.TransactionType));
        Assert.Contains(first.Notes, n => n.Contains(pcn, StringComparison.Ordinal) && n.Contains("no claim of ours", StringComparison.Ordinal));
        var stored = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Id == first.MessageId));
        Assert.Equal(("fhir", MessageParseStatus.PartiallyParsed), (stored.Protocol, stored.ParseStatus));
        Assert.True(InboundHold.IsHeld(stored));

        // The claim it names is submitted afterwards and the payer takes it in.
        var claim = await Claims.ClaimSubmissions.SubmitAsync(practice, pcn, "demo-fhir-dental");
        await Claims.ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.GotoAsync($"/console/messages/{stored.Id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Message fhir ClaimResponse");
        await page.Locator("[data-action='replay']").ClickAsync();
        await Assertions.Expect(page.Locator("section.replay-result")).ToContainTextAsync("Applied: 1 claim updated.");
        await Claims.ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "pending");
        var timeline = await factory.InDatabaseAsync(db => db.Set<Domain.Claims.ClaimTimelineEntry>().AsNoTracking().Where(t => t.ClaimId == claim.Id)
            .OrderBy(t => t.Sequence).ToListAsync());
        Assert.Equal(("fhir-queued", stored.Id), (timeline[^1].ReasonCode, timeline[^1].RawMessageId));
        Assert.Equal(["Sent for clinical review"], timeline[^1].ReasonArgs);
        stored = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Id == first.MessageId));
        Assert.Equal([claim.Id], stored.LinkedIds);
        Assert.Equal(MessageParseStatus.Parsed, stored.ParseStatus);
        Assert.False(InboundHold.IsHeld(stored));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Messages.CountAsync(m => m.Sha256 == stored.Sha256)));

        // Applied once: a second replay is recognised and the claim's history does not grow.
        await page.Locator("[data-action='replay']").ClickAsync();
        await Assertions.Expect(page.Locator("section.replay-result")).ToContainTextAsync("already holds this file");
        Assert.Equal(timeline.Count, await factory.InDatabaseAsync(db => db.Set<Domain.Claims.ClaimTimelineEntry>().CountAsync(t => t.ClaimId == claim.Id)));
        var audits = await factory.InDatabaseAsync(db => db.AuditEvents.Where(e => e.Action == "message.replayed" && e.EntityId == stored.Id.ToString())
            .Select(e => e.Details!).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("reapplied").GetBoolean());
        Assert.Contains(audits, d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task What_a_replay_could_not_apply_is_said_in_Russian()
    {
        var pcn = "RU-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var insurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        // An answer for a claim the hub does not have: kept and held; a replay still finds no claim and says so.
        var queued = """
            {"resourceType":"ClaimResponse","status":"active","type":{"coding":[{"code":"oral"}]},"use":"claim","patient":{"display":"x"},
             "created":"2026-11-20","insurer":{"display":"Demo"},"outcome":"queued","disposition":"Sent for clinical review",
             "request":{"identifier":{"system":"urn:dentalclaimshub:patient-control-number","value":"THE-PCN"}}}
            """.Replace("THE-PCN", pcn, StringComparison.Ordinal);
        var pushed = await insurer.PostAsync("/inbound/demo-fhir-dental/fhir", new StringContent(queued, System.Text.Encoding.UTF8, "application/fhir+json"));
        var first = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<InboundResult>(pushed.Content))!;
        // The API keeps its English, and its answer carries no codes.
        Assert.Equal([$"ClaimResponse for {pcn}: no claim of ours with that number at demo-fhir-dental."], first.Notes);
        Assert.Empty(first.CodedNotes);

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.GotoAsync($"/console/messages/{first.MessageId}");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Сообщение fhir ClaimResponse");
        // The note kept with the message (its English only) reads in Russian too.
        await Assertions.Expect(page.Locator("ul.parse-errors li"))
            .ToHaveTextAsync($"ClaimResponse по заявке {pcn}: заявки с таким номером у плательщика demo-fhir-dental у нас нет.");
        await page.Locator("[data-action='replay']").ClickAsync();
        var note = page.Locator("section.replay-result li[data-note='fhir-no-claim']");
        await Assertions.Expect(note).ToHaveTextAsync($"ClaimResponse по заявке {pcn}: заявки с таким номером у плательщика demo-fhir-dental у нас нет.");
        Assert.DoesNotMatch("no claim|of ours|[a-z]{3,} [a-z]{3,}", await page.Locator("section.replay-result").InnerTextAsync());
        await AccessibleAsync(page, "messages-05-replay-notes-ru");
    }

    [Fact]
    public async Task An_X12_reader_finding_reads_in_Russian_with_its_segment_and_element()
    {
        // Stored as the ingest stores a reader's finding: the issue's one-line English (IngestNotes.Read(issue.ToString())).
        var issue = new DentalClaimsHub.X12.X12Issue(DentalClaimsHub.X12.X12IssueSeverity.Error, "IK403-1", "Required data element missing.",
            SegmentOrdinal: 7, SegmentId: "NM1", LoopId: "2010BA", ElementPosition: 9);
        var stored = StoredMessage.Create(MessageDirection.Inbound, "x12", "277CA", "ISA*00~"u8.ToArray(), "application/edi-x12", DateTimeOffset.UtcNow,
            "demo-x12-dental");
        stored.MarkParsed(MessageParseStatus.Failed, System.Text.Json.JsonSerializer.Serialize(new[] { IngestNotes.Read(issue.ToString()).Text }));
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await OpenStoredAsync(browser, stored);
        var finding = page.Locator("ul.parse-errors li");
        await Assertions.Expect(finding).ToHaveTextAsync(issue.ToString());
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(finding).ToHaveTextAsync("Ошибка: сегмент 7 (NM1), цикл 2010BA, элемент NM109 — нет обязательного элемента данных");
    }

    [Fact]
    public async Task A_broken_act_files_row_findings_read_in_Russian_with_row_and_column()
    {
        // demo-med's sample act has a row with no 804н code and one whose sums do not add up; stored as the act importer stores them.
        var sample = Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Samples, "dms", "acts", "demo-med-act.xlsx");
        var (catalog, _) = DentalClaimsHub.Adapters.Dms.Mappings.DmsMappingCatalog.Load(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Mappings, "dms"));
        var layout = catalog.Find("demo-med")!.Acts!;
        await using var content = File.OpenRead(sample);
        var act = DentalClaimsHub.Adapters.Dms.Acts.DmsActReader.Read(content, "demo-med-act.xlsx", layout);
        var stored = StoredMessage.Create(MessageDirection.Inbound, "dms", "act", await File.ReadAllBytesAsync(sample), "application/octet-stream",
            DateTimeOffset.UtcNow, "demo-med");
        stored.MarkParsed(MessageParseStatus.PartiallyParsed, DentalClaimsHub.Api.Dms.DmsRowFinding.Json(act.Errors));
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await OpenStoredAsync(browser, stored);
        var findings = page.Locator("ul.parse-errors li");
        // In English the line the message has always kept.
        await Assertions.Expect(findings.First).ToHaveTextAsync("Row 11 [Код услуги]: not a code of the 804н nomenclature (e.g. A16.07.002).");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(findings.First).ToHaveTextAsync("Строка 11 [Код услуги]: Не код номенклатуры 804н (например, A16.07.002).");
        await Assertions.Expect(findings.Nth(1)).ToContainTextAsync("Строка 12 [Снято, руб.]: Принятая сумма");
        await Assertions.Expect(findings.Nth(1)).ToContainTextAsync("2 100,00");
        Assert.DoesNotMatch("[a-z]{3,} [a-z]{3,}", await page.Locator("ul.parse-errors").InnerTextAsync());
    }

    [Fact]
    public async Task A_guarantee_letter_answer_the_importer_could_not_apply_reads_in_Russian()
    {
        // demo-med's sample answer asks about requests no plan here carries: the importer itself says so for each letter.
        var sample = Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Samples, "dms", "guarantee-letters", "demo-med-answer.xlsx");
        var started = DateTimeOffset.UtcNow;
        using (var scope = factory.Services.CreateScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<DentalClaimsHub.Api.Dms.GuaranteeLetters.GuaranteeLetterImporter>();
            var result = await importer.ImportAsync("demo-dms-insurer", null, await File.ReadAllBytesAsync(sample), "demo-med-answer.xlsx",
                importer.Layout("demo-dms-insurer")!, CancellationToken.None);
            Assert.Contains(result.Report, r => r.Message == "no treatment plan sent to demo-dms-insurer has this request number; nothing applied.");
        }

        var stored = await factory.InDatabaseAsync(db => db.Messages.IgnoreQueryFilters()
            .SingleAsync(m => m.TransactionType == "gp-answer" && m.ReceivedAt >= started));
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await OpenAsync(browser, stored.Id);
        var unapplied = page.Locator("ul.parse-errors li", new() { HasTextString = "no treatment plan" });
        await Assertions.Expect(unapplied.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            @"^row \d+: no treatment plan sent to demo-dms-insurer has this request number; nothing applied\.$"));
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("ul.parse-errors li", new() { HasTextString = "Ни один план лечения" }).First).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(
                @"^Строка \d+: Ни один план лечения, отправленный страховщику demo-dms-insurer, не имеет такого номера запроса; ничего не применено\.$"));
        Assert.DoesNotMatch("[a-z]{3,} [a-z]{3,}", await page.Locator("ul.parse-errors").InnerTextAsync());
    }

    [Fact]
    public async Task A_guarantee_letter_answers_findings_stored_before_codes_read_in_Russian_and_an_unknown_one_as_stored()
    {
        var stored = StoredMessage.Create(MessageDirection.Inbound, "dms", "gp-answer", "an older answer"u8.ToArray(), "application/octet-stream",
            DateTimeOffset.UtcNow, "demo-dms-insurer");
        stored.MarkParsed(MessageParseStatus.PartiallyParsed, System.Text.Json.JsonSerializer.Serialize(new[]
        {
            "row 7: no treatment plan sent to demo-dms-insurer has this request number; nothing applied.",
            "row 9: something this hub never wrote.",
        }));
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await OpenStoredAsync(browser, stored);
        var findings = page.Locator("ul.parse-errors li");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(findings.First).ToHaveTextAsync(
            "Строка 7: Ни один план лечения, отправленный страховщику demo-dms-insurer, не имеет такого номера запроса; ничего не применено.");
        await Assertions.Expect(findings.Nth(1)).ToHaveTextAsync("row 9: something this hub never wrote.");
    }

    [Fact]
    public async Task What_the_FHIR_endpoint_kept_of_a_file_it_could_not_use_reads_in_Russian()
    {
        using var insurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        (string Body, string Stored, string Russian)[] files =
        [
            ("this is not json",
                "Not a FHIR R4 resource: 'this is not json' is an invalid JSON literal. Expected the literal 'true'. LineNumber: 0 | BytePositionInLine: 1.",
                "Тело файла — не JSON: ошибка в строке 1, позиции 2. Сообщение разборщика JSON (англ.): 'this is not json' is an invalid JSON literal. Expected the literal 'true'."),
            ("[1,2]", "Not a FHIR resource: a JSON object with a resourceType is expected.", "Не ресурс FHIR: ожидается объект JSON с resourceType."),
            ("""{"resourceType":"Foo","id":"f1"}""", "Foo is not something a payer sends the hub; kept unread.",
                "Foo плательщик хабу не присылает; сохранено без чтения."),
            ("""{"resourceType":"Patient","id":"p1"}""", "A Patient without a ClaimResponse or ExplanationOfBenefit: kept for review.",
                "Patient без ClaimResponse и ExplanationOfBenefit: файл сохранён для проверки."),
            ("""{"resourceType":"ExplanationOfBenefit","id":"e1","status":"active","outcome":"complete"}""",
                "Payment EOB-e1: ExplanationOfBenefit e1 names no claim of ours (urn:dentalclaimshub:patient-control-number). (Parameter 'eob')",
                "Платёж EOB-e1 не разнесён: в ExplanationOfBenefit e1 нет номера нашей заявки (urn:dentalclaimshub:patient-control-number)."),
        ];
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.Locator("[data-culture='ru']").ClickAsync();
        foreach (var (body, english, russian) in files)
        {
            var pushed = await insurer.PostAsync("/inbound/demo-fhir-dental/fhir", new StringContent(body, System.Text.Encoding.UTF8, "application/fhir+json"));
            var result = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<InboundResult>(pushed.Content))!;
            // The API and the message keep the English.
            Assert.Equal([english], result.Notes);
            var stored = await factory.InDatabaseAsync(db => db.Messages.SingleAsync(m => m.Id == result.MessageId));
            Assert.Equal([english], System.Text.Json.JsonSerializer.Deserialize<string[]>(stored.ParseErrors!)!);

            await page.GotoAsync($"/console/messages/{stored.Id}");
            await Assertions.Expect(page.Locator("ul.parse-errors li")).ToHaveTextAsync(russian);
        }
    }

    private MessageReplay Replay(Guid user, string role) => new(
        factory.Services.GetRequiredService<IDbContextFactory<HubDbContext>>(), factory.Services.GetRequiredService<IServiceScopeFactory>(),
        SessionOf(user, role), TimeProvider.System);

    // Stores a message as an importer would have, signs in and opens its page.
    private async Task<IPage> OpenStoredAsync(IBrowserContext browser, StoredMessage stored)
    {
        await factory.InDatabaseAsync(async db =>
        {
            db.Messages.Add(stored);
            return await db.SaveChangesAsync();
        });
        return await OpenAsync(browser, stored.Id);
    }

    private async Task<IPage> OpenAsync(IBrowserContext browser, Guid message)
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page);
        await page.GotoAsync($"/console/messages/{message}");
        return page;
    }
}
