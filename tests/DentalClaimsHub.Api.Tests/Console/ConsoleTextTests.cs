using System.Xml.Linq;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>Everything the console says exists in both languages.</summary>
public sealed class ConsoleTextTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "DentalClaimsHub.Api", "AdminConsole");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void English_and_Russian_have_the_same_keys_and_no_empty_text()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        Assert.Empty(en.Keys.Except(ru.Keys));
        Assert.Empty(ru.Keys.Except(en.Keys));
        Assert.DoesNotContain(en.Concat(ru), kv => string.IsNullOrWhiteSpace(kv.Value));
        // Russian text is Russian: a value copied over untranslated would slip through the key check.
        Assert.Empty(ru.Where(kv => kv.Value == en[kv.Key] && kv.Value.Any(char.IsLetter) && !kv.Value.Contains('(', StringComparison.Ordinal)).Select(kv => kv.Key));
    }

    [Fact]
    public void Every_claim_state_and_frequency_has_a_label()
    {
        var en = Read("ConsoleText.resx");
        Assert.All(Enum.GetNames<ClaimState>(), s => Assert.Contains("State." + s, en.Keys));
        Assert.All(Enum.GetNames<ClaimFrequency>(), f => Assert.Contains("Frequency." + f, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Api.AdminConsole.Queue.WorkQueueSort>(), s => Assert.Contains("Queue.Sort." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Storage.DmsActs.DmsActWorkStatus>(), s => Assert.Contains("ActLineStatus." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Storage.AdminConsole.ClaimActivityKind>(), s => Assert.Contains("Activity." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Storage.Rosters.RosterImportStatus>(), s => Assert.Contains("RosterStatus." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.Eligibility.EligibilityCheckStatus>(), s => Assert.Contains("EligibilityStatus." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.Eligibility.CoverageStatus>(), s => Assert.Contains("CoverageStatus." + s, en.Keys));
        Assert.All(typeof(DentalClaimsHub.Domain.Eligibility.EligibilityFailureCodes).GetFields().Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!), c => Assert.Contains("EligibilityFailure." + c, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.Remittances.RemittanceStatus>(), s => Assert.Contains("RemittanceStatus." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.Remittances.ClaimPaymentStatus>(), s => Assert.Contains("PaymentStatus." + s, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Adapters.Profiles.PayerKind>(), k => Assert.Contains("PayerKind." + k, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Adapters.Profiles.PayerProtocol>(), p => Assert.Contains("Protocol." + p, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Adapters.Profiles.PayerTransport>(), t => Assert.Contains("Transport." + t, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Adapters.Profiles.PayerCapability>(), c => Assert.Contains("Capability." + c, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.Rosters.RosterKind>(), k => Assert.Contains("RosterKind." + k, en.Keys));
        Assert.All(Enum.GetNames<AttachmentTransmission>(), t => Assert.Contains("Transmission." + t, en.Keys));
        Assert.All(Enum.GetNames<DentalClaimsHub.Api.AdminConsole.Webhooks.WebhookDeliveryView>(), s => Assert.Contains("WebhookStatus." + s, en.Keys));
        // Every kind of coded timeline reason has its words in both languages (the 835 and the 277 have sub-forms).
        var ru = Read("ConsoleText.ru.resx");
        var reasonKeys = TimelineReasonCodes.All.Where(c => c != TimelineReasonCodes.Remittance).Select(c => "Reason." + c)
            .Concat(["Reason.835.Denied", "Reason.835.Paid", "Reason.835.Remarks", "Reason.277.None", "Reason.NoReasonGiven"]);
        Assert.All(reasonKeys, k => Assert.True(en.ContainsKey(k) && ru.ContainsKey(k), k));
        Assert.All(ClaimRules.All, r => Assert.True(en.ContainsKey("Rule." + r) && ru.ContainsKey("Rule." + r), r));
        // What keeps a claim from an 837D, listed inside x12-unbuildable.
        Assert.All(DentalClaimsHub.Adapters.X12.Claims.Claim837Problems.All,
            p => Assert.True(en.ContainsKey("Claim837Problem." + p) && ru.ContainsKey("Claim837Problem." + p), p));
        Assert.Equal(DentalClaimsHub.Adapters.X12.Claims.Claim837Problems.All.Order(),
            DentalClaimsHub.Adapters.X12.Claims.Claim837Problems.English.Keys.Order());
        Assert.All(Enum.GetNames<DentalClaimsHub.Adapters.Dms.Acts.DmsRefusalCategory>().Append("unmatched"),
            c => Assert.True(en.ContainsKey("RefusalCategory." + c) && ru.ContainsKey("RefusalCategory." + c), c));
    }

    [Fact]
    public void Every_rule_a_claim_change_or_an_upload_can_break_has_words_in_both_languages()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        // Read from the classes' constants, not their All lists, so a rule added without its words fails here.
        var rules = new[] { typeof(ClaimChangeRules), typeof(DentalClaimsHub.Api.Claims.DocumentRules) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Contains(ClaimChangeRules.Transition, rules);
        Assert.Contains(DentalClaimsHub.Api.Claims.DocumentRules.NotWhatItSays, rules);
        Assert.Equal(rules.Count, rules.Distinct().Count());
        Assert.Empty(rules.Intersect(ClaimRules.All));
        Assert.All(rules, r => Assert.True(en.ContainsKey("Rule." + r) && ru.ContainsKey("Rule." + r), r));
        Assert.Equal(ClaimChangeRules.All.Order(), rules.Where(r => !r.StartsWith("document-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Every_note_the_ingest_writes_has_words_in_both_languages()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var codes = typeof(DentalClaimsHub.Api.Inbound.IngestNotes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Api.Inbound.IngestNotes.All.Order(), codes.Order());
        Assert.All(codes, c => Assert.True(en.ContainsKey("Ingest." + c) && ru.ContainsKey("Ingest." + c), c));
    }

    [Fact]
    public void Every_note_the_remittance_poster_writes_on_a_payment_has_words_in_both_languages()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var codes = typeof(DentalClaimsHub.Api.Remittances.PaymentNotes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Api.Remittances.PaymentNotes.All.Order(), codes.Order());
        Assert.All(codes, c => Assert.True(en.ContainsKey("PaymentNote." + c) && ru.ContainsKey("PaymentNote." + c), c));
        Assert.All(Enum.GetNames<DentalClaimsHub.Domain.PreAuthorizations.PreAuthorizationStatus>(),
            s => Assert.True(en.ContainsKey("PlanStatus." + s) && ru.ContainsKey("PlanStatus." + s), s));
    }

    [Fact]
    public void Every_remittance_problem_code_has_words_in_every_language()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var codes = typeof(DentalClaimsHub.Domain.Remittances.RemittanceProblems).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Domain.Remittances.RemittanceProblems.All.Order(), codes.Order());
        Assert.All(codes, c => Assert.True(en.ContainsKey("RemittanceProblem." + c) && ru.ContainsKey("RemittanceProblem." + c), c));
    }

    [Theory]
    [InlineData("PayerFailure.", typeof(DentalClaimsHub.Adapters.Transports.Resilience.PayerFailures))]
    [InlineData("WebhookError.", typeof(DentalClaimsHub.Api.Webhooks.WebhookErrors))]
    public void Every_transport_failure_code_has_words_in_every_language(string prefix, Type codes)
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var declared = codes.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var all = (IReadOnlyList<string>)codes.GetField("All")!.GetValue(null)!;
        Assert.Equal(all.Order(), declared.Order());
        Assert.All(declared, c => Assert.True(en.ContainsKey(prefix + c) && ru.ContainsKey(prefix + c), c));
    }

    [Fact]
    public void Every_eligibility_failure_reason_has_words_in_every_language()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var keys = DentalClaimsHub.Api.Eligibility.EligibilityFailureReasons.Keys.Values
            .Concat(DentalClaimsHub.Api.AdminConsole.Logs.StoredEligibilityReasons.Keys).Append("payer-details").ToList();
        Assert.All(keys, k => Assert.True(en.ContainsKey("EligibilityReason." + k) && ru.ContainsKey("EligibilityReason." + k), k));
    }

    [Fact]
    public void Every_eligibility_failure_reason_code_has_words_in_every_language_and_means_one_thing()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var payer = typeof(DentalClaimsHub.Adapters.Transports.PayerReasons).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Adapters.Transports.PayerReasons.All.Order(), payer.Order());
        var codes = DentalClaimsHub.Api.Eligibility.EligibilityFailureReasons.Keys.Values.Concat(payer).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(c.Length <= 40 && en.ContainsKey("EligibilityReason." + c) && ru.ContainsKey("EligibilityReason." + c), c));
    }

    [Fact]
    public void Every_roster_reason_code_has_words_in_every_language()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var declared = new[] { typeof(DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons), typeof(DentalClaimsHub.Api.Rosters.RosterImportReasons) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons.All.Concat(DentalClaimsHub.Api.Rosters.RosterImportReasons.All).Order(),
            declared.Order());
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.All(declared, c => Assert.True(en.ContainsKey("RosterReason." + c) && ru.ContainsKey("RosterReason." + c), c));
        // An act's and a guarantee-letter answer's row reasons share the roster's words (RosterReason.*).
        var act = new[] { typeof(DentalClaimsHub.Adapters.Dms.Acts.DmsActReasons), typeof(DentalClaimsHub.Adapters.Dms.GuaranteeLetters.DmsGuaranteeLetterReasons) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Adapters.Dms.Acts.DmsActReasons.All.Concat(DentalClaimsHub.Adapters.Dms.GuaranteeLetters.DmsGuaranteeLetterReasons.All).Order(),
            act.Order());
        Assert.Empty(act.Intersect(declared));
        Assert.All(act, c => Assert.True(en.ContainsKey("RosterReason." + c) && ru.ContainsKey("RosterReason." + c), c));
        Assert.True(en.ContainsKey("Message.RowFinding") && ru.ContainsKey("Message.RowFinding"));
        Assert.All(DentalClaimsHub.Api.AdminConsole.Messages.FhirFindingText.Keys,
            k => Assert.True(en.ContainsKey("FhirFinding." + k) && ru.ContainsKey("FhirFinding." + k), k));
        // The dates above a roster's table a mapping reads (DmsRosterReader's DateFact).
        Assert.All(new[] { "documentDate", "periodFrom", "periodTo", "effectiveDate", "Or" },
            f => Assert.True(en.ContainsKey("RosterFact." + f) && ru.ContainsKey("RosterFact." + f), f));
    }

    [Fact]
    public void Every_problem_the_guarantee_letter_importer_raises_has_words_in_every_language()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var problem = typeof(DentalClaimsHub.Api.Dms.GuaranteeLetters.GuaranteeLetterProblem);
        var declared = problem.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(DentalClaimsHub.Api.Dms.GuaranteeLetters.GuaranteeLetterProblem.All.Order(), declared.Order());
        // The message page tells them from the reader's row reasons by their code.
        Assert.Empty(declared.Intersect(DentalClaimsHub.Adapters.Dms.GuaranteeLetters.DmsGuaranteeLetterReasons.All
            .Concat(DentalClaimsHub.Adapters.Dms.Acts.DmsActReasons.All).Concat(DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons.All)));
        Assert.All(declared.Append("Row"), c => Assert.True(en.ContainsKey("LetterProblem." + c) && ru.ContainsKey("LetterProblem." + c), c));
    }

    [Fact]
    public void Every_key_the_pages_use_exists()
    {
        var en = Read("ConsoleText.resx");
        var used = Directory.EnumerateFiles(Path.Combine(Folder, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "T\\[\"([A-Za-z.]+)\"\\]").Select(m => m.Groups[1].Value))
            .Distinct();
        Assert.DoesNotContain(used, k => !en.ContainsKey(k));
    }

    [Fact]
    public void Every_counted_text_has_one_few_and_many_forms_in_both_languages()
    {
        var en = Read("ConsoleText.resx");
        var ru = Read("ConsoleText.ru.resx");
        var counted = Directory.EnumerateFiles(Path.Combine(Folder, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "T\\.Count\\(\"([A-Za-z.]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("Webhooks.Showing", counted);
        var forms = Enum.GetNames<DentalClaimsHub.Api.AdminConsole.PluralForm>();
        Assert.All(counted, k => Assert.All(forms, f => Assert.True(en.ContainsKey($"{k}.{f}") && ru.ContainsKey($"{k}.{f}"), $"{k}.{f}")));
        // A counted text is never also asked for without its form.
        Assert.All(counted, k => Assert.False(en.ContainsKey(k), k));
    }
}
