using System.Globalization;
using System.Security.Claims;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>The claim actions against the real database, as a given console user (role checks, state rules, timeline, audit).</summary>
public sealed class ClaimActionsTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task An_auditor_cannot_change_a_claim()
    {
        var claim = await RejectedClaimAsync();
        var actions = Actions(Guid.NewGuid(), ConsoleRoles.Auditor);
        var result = await actions.WriteOffAsync(claim, "not mine to decide", default);
        Assert.False(result.Succeeded);
        Assert.Contains("billing", result.Problems["$"], StringComparison.Ordinal);
        Assert.Equal(ClaimState.Rejected, await StateAsync(claim));
    }

    [Fact]
    public async Task A_rejected_claim_is_noted_refused_an_appeal_and_written_off_with_each_step_on_record()
    {
        var claim = await RejectedClaimAsync();
        var user = Guid.NewGuid();
        var actions = Actions(user, ConsoleRoles.Billing);

        Assert.True((await actions.AddNoteAsync(claim, "Called the payer: member id typo", default)).Succeeded);
        var appeal = await actions.MarkAppealedAsync(claim, "appeal", default);
        Assert.Contains("Only a denied or partly paid claim is appealed", appeal.Problems["$"], StringComparison.Ordinal);
        Assert.False((await actions.WriteOffAsync(claim, "  ", default)).Succeeded);
        Assert.True((await actions.WriteOffAsync(claim, "Patient moved away; balance uncollectable", default)).Succeeded);

        Assert.Equal(ClaimState.Closed, await StateAsync(claim));
        var activities = await factory.InDatabaseAsync(db => db.ClaimActivities.Where(a => a.ClaimId == claim).OrderBy(a => a.At).ToListAsync());
        Assert.Equal([ClaimActivityKind.Note, ClaimActivityKind.WrittenOff], activities.Select(a => a.Kind));
        Assert.All(activities, a => Assert.Equal(user, a.UserId));
        var audit = await factory.InDatabaseAsync(db => db.AuditEvents.Where(e => e.EntityId == claim.ToString() && e.ActorKind == "console-user").OrderBy(e => e.Id)
            .Select(e => e.Action).ToListAsync());
        Assert.Equal(["claim.noted", "claim.written-off"], audit);
        var closed = await factory.InDatabaseAsync(db => db.Claims.SingleAsync(c => c.Id == claim));
        Assert.StartsWith("Written off: Patient moved away", closed.Timeline.OrderBy(t => t.Sequence).Last().Reason, StringComparison.Ordinal);

        // Closed is the end: no further fix.
        var fix = await actions.FixAndResubmitAsync(claim, new ClaimFix([], [], "late fix"), default);
        Assert.False(fix.Succeeded);
    }

    [Fact]
    public async Task A_fix_with_a_broken_rule_changes_nothing()
    {
        var claim = await RejectedClaimAsync();
        var actions = Actions(Guid.NewGuid(), ConsoleRoles.Billing);
        var result = await actions.FixAndResubmitAsync(claim,
            new ClaimFix([new LineFix(1, "D2392", "30", "MODBL", 185m, null)], ["K02.52"], "surfaces"), default);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems.Keys, k => k.StartsWith("lines[1]", StringComparison.Ordinal));
        Assert.Equal(ClaimState.Rejected, await StateAsync(claim));
        Assert.False(await factory.InDatabaseAsync(db => db.ClaimActivities.AnyAsync(a => a.ClaimId == claim)));
    }

    [Fact]
    public async Task Every_problem_a_refused_action_reports_is_in_the_users_language()
    {
        var claim = await RejectedClaimAsync();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var actions = Actions(Guid.NewGuid(), ConsoleRoles.Billing);
            async Task<IReadOnlyDictionary<string, string>> FixAsync(LineFix line, string diagnosis = "K02.52") =>
                (await actions.FixAndResubmitAsync(claim, new ClaimFix([line], [diagnosis], "исправление"), default)).Problems;

            var said = new Dictionary<string, string>
            {
                ["Напишите, что исправлено (это попадёт в историю заявки)."] =
                    (await actions.FixAndResubmitAsync(claim, new ClaimFix([], [], " "), default)).Problems["reason"],
                ["«D99» — не код CDT."] = (await FixAsync(new LineFix(1, "D99", "3", "", 10m, null)))["lines[1].code"],
                ["«99» — не номер зуба в системе ADA (универсальная)."] = (await FixAsync(new LineFix(1, "D0120", "99", "", 10m, null)))["lines[1].tooth"],
                ["«QZ» — не набор поверхностей (M O D B L I F)."] = (await FixAsync(new LineFix(1, "D0120", "3", "QZ", 10m, null)))["lines[1].surfaces"],
                ["Сумма должна быть больше нуля."] = (await FixAsync(new LineFix(1, "D0120", "3", "", 0m, null)))["lines[1].fee"],
                ["В заявке нет строки 9."] = (await FixAsync(new LineFix(9, "D0120", "3", "", 10m, null)))["lines[9]"],
                ["«XYZ» — не код МКБ-10."] = (await FixAsync(new LineFix(1, "D0120", "3", "", 10m, null), "XYZ"))["diagnoses"],
                ["Файл заявлен как image/png, но по содержимому это другой файл."] = (await actions.FixAndResubmitAsync(claim,
                    new ClaimFix([], ["K02.52"], "снимок", new NewAttachment("RB", "fake.png", "image/png", "not a png"u8.ToArray())), default)).Problems["attachment"],
                ["Файлы типа «application/zip» не принимаются: пришлите PDF, изображение (JPEG, PNG, TIFF, DICOM) или текстовый файл."] =
                    (await actions.FixAndResubmitAsync(claim, new ClaimFix([], ["K02.52"], "снимок",
                        new NewAttachment("RB", "x.zip", "application/zip", [0x50, 0x4B, 3, 4])), default)).Problems["attachment"],
                ["В заявке не объявлено вложение «XR-1»."] =
                    (await actions.AddDocumentAsync(claim, "XR-1", new NewAttachment("RB", "x.png", "image/png", [1]), default)).Problems["document"],
                ["Напишите текст."] = (await actions.AddNoteAsync(claim, " ", default)).Problems["text"],
                ["Напишите, почему заявка аннулируется."] = (await actions.VoidAsync(claim, "", default)).Problems["reason"],
                ["Напишите, почему остаток списывается."] = (await actions.WriteOffAsync(claim, "", default)).Problems["text"],
                ["Обжаловать можно только заявку с отказом или оплаченную частично; эта — «Отклонена»."] =
                    (await actions.MarkAppealedAsync(claim, "апелляция", default)).Problems["$"],
                ["Такой заявки нет."] = (await actions.AddNoteAsync(Guid.NewGuid(), "заметка", default)).Problems["$"],
                ["Изменять заявки могут только специалисты по биллингу и администраторы."] =
                    (await Actions(Guid.NewGuid(), ConsoleRoles.Auditor).AddNoteAsync(claim, "заметка", default)).Problems["$"],
            };

            Assert.All(said, s => Assert.Equal(s.Key, s.Value));
            Assert.Equal(ClaimState.Rejected, await StateAsync(claim));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task A_rule_the_domain_enforces_reads_in_Russian_with_no_English_left()
    {
        var claim = await RejectedClaimAsync();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var actions = Actions(Guid.NewGuid(), ConsoleRoles.Billing);
            async Task<IReadOnlyDictionary<string, string>> FixAsync(LineFix line, params string[] diagnoses) =>
                (await actions.FixAndResubmitAsync(claim, new ClaimFix([line], diagnoses, "исправление"), default)).Problems;

            var said = new Dictionary<string, string>
            {
                // ClaimLine's own check, under the line it concerns.
                ["Строка 1: для поверхностей MO укажите зуб."] = (await FixAsync(new LineFix(1, "D2392", "", "MO", 185m, null), "K02.52"))["lines[1]"],
                ["Диагнозы не должны повторяться."] = (await FixAsync(new LineFix(1, "D2392", "30", "MO", 185m, null), "K02.52", "K02.52"))["diagnoses"],
                ["Тип документа — двухсимвольный код PWK01, например RB или DG; указано «XRAY»."] = (await actions.FixAndResubmitAsync(claim,
                    new ClaimFix([], ["K02.52"], "снимок", new NewAttachment("xray", "x.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
                    default)).Problems["attachment"],
                // The lifecycle's refusal, states by their Russian names.
                ["Заявка в состоянии «Отклонена» не может перейти в состояние «Аннулирована». Обновите страницу: возможно, заявка тем временем изменилась."] =
                    (await actions.VoidAsync(claim, "ошибка", default)).Problems["$"],
            };

            Assert.All(said, s => Assert.Equal(s.Key, s.Value));
            // Codes (MO, PWK01, RB) stay as they are; no English word is left.
            Assert.All(said.Values, v => Assert.DoesNotMatch("[a-z]{3,}|Parameter|Lines\\[", v));
            Assert.Equal(ClaimState.Rejected, await StateAsync(claim));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task A_rule_the_domain_enforces_reads_in_English_without_the_domains_field_names()
    {
        var claim = await RejectedClaimAsync();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var problems = (await Actions(Guid.NewGuid(), ConsoleRoles.Billing).FixAndResubmitAsync(claim,
                new ClaimFix([new LineFix(1, "D2392", "", "MO", 185m, null)], ["K02.52"], "fix"), default)).Problems;
            Assert.Equal("Line 1: surfaces MO need a tooth.", problems["lines[1]"]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private ClaimActions Actions(Guid user, string role) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<HubDbContext>>(), ConsolePageTesting.SessionOf(user, role), TimeProvider.System,
            new AdminConsole.Claims.ClaimRuleText(factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AdminConsole.ConsoleText>>()),
            factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AdminConsole.ConsoleText>>());

    private Task<ClaimState> StateAsync(Guid claim) =>
        factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim).Select(c => c.State).SingleAsync());

    private async Task<Guid> RejectedClaimAsync() => (await ConsolePageTesting.RejectedClaimAsync(factory, "Actions Dental", "REJMEMBER0002")).Claim.Id;

}
