using System.Text;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirMoney = Hl7.Fhir.Model.Money;
using Money = DentalClaimsHub.Domain.Values.Money;

namespace DentalClaimsHub.Adapters.Fhir.Remittances;

/// <summary>A payer's ClaimResponse about one of our claims, reduced to what the hub acts on.</summary>
/// <param name="PatientControlNumber">Our claim number, from <c>request.identifier</c> (or the response's own identifier) in our system.</param>
/// <param name="Outcome">queued, complete, error or partial.</param>
/// <param name="PayerClaimNumber">The payer's identifier of the claim, when sent.</param>
/// <param name="Disposition">The payer's text.</param>
/// <param name="Errors">error[].code, as text.</param>
/// <param name="Decision">For a predetermination or prior authorisation decided: the plan decision per item.</param>
public sealed record FhirClaimAnswer(string PatientControlNumber, string Outcome, string? PayerClaimNumber, string? Disposition,
    IReadOnlyList<string> Errors, PlanDecision? Decision);

/// <summary>What a FHIR file from a payer held: claim answers, remittances built from ExplanationOfBenefits, and problems.</summary>
public sealed record FhirInboundReport(string ResourceType, IReadOnlyList<FhirClaimAnswer> Answers, IReadOnlyList<Remittance> Remittances,
    IReadOnlyList<string> Problems);

/// <summary>
/// Reads what FHIR payers push: a ClaimResponse (or a PAS response Bundle holding one), an ExplanationOfBenefit, or a Bundle
/// of them. EOBs become canonical remittances — one per payment identifier — with claim payments whose service lines carry
/// the adjudication as X12-equivalent adjustments: submitted − eligible as CO-45, deductible PR-1, copay PR-3 and the rest of
/// eligible − benefit as co-insurance PR-2, so the same posting and balancing rules apply as for an 835. Never throws.
/// </summary>
public static class FhirInboundReader
{
    private static readonly FhirJsonDeserializer Json = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public static FhirInboundReport Read(byte[] body, string payerId, DateTimeOffset now, Guid? rawMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        Resource? resource;
        try
        {
            using (var probe = System.Text.Json.JsonDocument.Parse(body))
            {
                if (probe.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !probe.RootElement.TryGetProperty("resourceType", out var type) || type.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    return new FhirInboundReport("unknown", [], [], ["Not a FHIR resource: a JSON object with a resourceType is expected."]);
                }
            }

            if (!Json.TryDeserializeResource(Encoding.UTF8.GetString(body), out resource, out var issues) && resource is null)
            {
                return new FhirInboundReport("unknown", [], [], [$"Not a FHIR R4 resource: {string.Join("; ", issues.Take(3).Select(i => i.Message))}"]);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            return new FhirInboundReport("unknown", [], [], [$"Not a FHIR R4 resource: {e.Message}"]);
        }

        var resources = resource is Bundle bundle ? bundle.Entry.Select(e => e.Resource).Where(r => r is not null).ToList() : [resource!];
        var problems = new List<string>();
        var answers = new List<FhirClaimAnswer>();
        var eobs = new List<ExplanationOfBenefit>();
        foreach (var item in resources)
        {
            switch (item)
            {
                case ClaimResponse response when Answer(response) is { } answer:
                    answers.Add(answer);
                    break;
                case ClaimResponse response:
                    problems.Add($"ClaimResponse {response.Id}: no identifier of ours ({FhirClaimSystems.PatientControlNumber}) in request or identifier.");
                    break;
                case ExplanationOfBenefit eob:
                    eobs.Add(eob);
                    break;
                case Patient or Organization or Practitioner or Coverage or Claim or OperationOutcome:
                    break;
                default:
                    problems.Add($"{item!.TypeName} is not something a payer sends the hub; kept unread.");
                    break;
            }
        }

        var remittances = new List<Remittance>();
        foreach (var payment in eobs.GroupBy(e => e.Payment?.Identifier?.Value ?? "EOB-" + e.Id))
        {
            try
            {
                remittances.Add(Remittance(payment.Key, [.. payment], payerId, now, rawMessageId));
            }
            catch (Exception e) when (e is DomainException or InvalidOperationException)
            {
                problems.Add($"Payment {payment.Key}: {e.Message}");
            }
        }

        return new FhirInboundReport(resource!.TypeName, answers, remittances, problems);
    }

    private static FhirClaimAnswer? Answer(ClaimResponse response)
    {
        // The request is our Claim: its identifier is ours whether or not the payer echoes the system.
        var pcn = response.Request?.Identifier is { System: FhirClaimSystems.PatientControlNumber or null or "" } request ? request.Value
            : response.Identifier.FirstOrDefault(i => i.System == FhirClaimSystems.PatientControlNumber)?.Value;
        if (string.IsNullOrEmpty(pcn))
        {
            return null;
        }

        var payerNumber = response.Identifier.FirstOrDefault(i => i.System != FhirClaimSystems.PatientControlNumber && !string.IsNullOrEmpty(i.Value))?.Value;
        var errors = response.Error.Select(e => e.Code?.Coding.FirstOrDefault() is { } c ? $"{c.Code} {c.Display}".Trim() : e.Code?.Text ?? "error").ToList();
        return new FhirClaimAnswer(pcn, response.Outcome?.ToString().ToLowerInvariant() ?? "unknown", payerNumber, response.Disposition, errors,
            FhirClaimProtocol.PlanDecisionOf(response));
    }

    private static Remittance Remittance(string trace, List<ExplanationOfBenefit> eobs, string payerId, DateTimeOffset now, Guid? rawMessageId)
    {
        var currency = eobs.SelectMany(e => e.Total).Select(t => t.Amount?.Currency?.ToString()).FirstOrDefault(c => c is not null) ?? "USD";
        var payments = eobs.Select(e => Payment(e, currency)).ToList();
        var amount = eobs.Sum(e => e.Payment?.Amount?.Value ?? 0m);
        var date = eobs.Select(e => DateOf(e.Payment?.DateElement?.Value)).FirstOrDefault(d => d is not null);
        var payee = eobs.Select(e => e.Provider?.Identifier).FirstOrDefault(i => i?.System == "http://hl7.org/fhir/sid/us-npi")?.Value;
        return Domain.Remittances.Remittance.Create(payerId, new PaymentInfo(amount > 0 ? PaymentMethod.Ach : PaymentMethod.NonPayment,
                new Money(amount, currency), date, trace), payments, now, payerName: eobs[0].Insurer?.Display, rawMessageId: rawMessageId,
            payeeId: payee, sourceReference: "EOB " + string.Join(",", eobs.Select(e => e.Id)));
    }

    private static ClaimPayment Payment(ExplanationOfBenefit eob, string currency)
    {
        var pcn = eob.Claim?.Identifier is { System: FhirClaimSystems.PatientControlNumber } claim ? claim.Value
            : eob.Identifier.FirstOrDefault(i => i.System == FhirClaimSystems.PatientControlNumber)?.Value;
        if (string.IsNullOrEmpty(pcn))
        {
            throw new DomainException($"ExplanationOfBenefit {eob.Id} names no claim of ours ({FhirClaimSystems.PatientControlNumber}).", nameof(eob));
        }

        var lines = eob.Item.Select(i => Line(i, currency)).ToList();
        var charge = Sum(lines.Select(l => l.Charge), currency);
        var paid = Sum(lines.Select(l => l.Paid), currency);
        var denied = eob.Outcome == ClaimProcessingCodes.Complete && paid.IsZero && lines.All(l => l.PatientResponsibility.IsZero);
        return new ClaimPayment
        {
            PatientControlNumber = pcn,
            Status = denied ? ClaimPaymentStatus.Denied : ClaimPaymentStatus.ProcessedAsPrimary,
            Charge = charge,
            Paid = paid,
            PatientResponsibility = Sum(lines.Select(l => l.PatientResponsibility), currency),
            PayerClaimNumber = eob.Identifier.FirstOrDefault(i => i.System != FhirClaimSystems.PatientControlNumber)?.Value,
            ServiceLines = lines,
        };
    }

    private static ServiceLinePayment Line(ExplanationOfBenefit.ItemComponent item, string currency)
    {
        decimal Category(string code) => item.Adjudication.Where(a => a.Category?.Coding.Any(c => c.Code == code) == true)
            .Sum(a => a.Amount?.Value ?? 0m);
        var submitted = Category("submitted");
        var eligible = item.Adjudication.Any(a => a.Category?.Coding.Any(c => c.Code == "eligible") == true) ? Category("eligible") : submitted;
        var benefit = Category("benefit");
        var deductible = Category("deductible");
        var copay = Category("copay");
        var coinsurance = eligible - benefit - deductible - copay;
        var reasons = item.Adjudication.SelectMany(a => a.Reason?.Coding ?? []).Select(c => c.Code).OfType<string>().Where(c => c.Length > 0).ToList();
        var adjustments = new List<Adjustment>();
        void Add(AdjustmentGroup group, string reason, decimal amount)
        {
            if (amount != 0m)
            {
                adjustments.Add(new Adjustment(group, reason, new Money(amount, currency)));
            }
        }

        // Nothing eligible is a denial: the reason the payer gave (a CARC when it uses that system), else 96 (non-covered).
        Add(AdjustmentGroup.ContractualObligation, eligible == 0m && reasons.Count > 0 ? reasons[0] : eligible == 0m ? "96" : "45", submitted - eligible);
        Add(AdjustmentGroup.PatientResponsibility, "1", deductible);
        Add(AdjustmentGroup.PatientResponsibility, "3", copay);
        Add(AdjustmentGroup.PatientResponsibility, "2", coinsurance);
        var code = item.ProductOrService?.Coding.FirstOrDefault();
        return new ServiceLinePayment
        {
            Charge = new Money(submitted, currency),
            Paid = new Money(benefit, currency),
            Allowed = new Money(eligible, currency),
            Procedure = code is not null && ProcedureCode.TryParseAny(code.Code, out var procedure) ? procedure : null,
            RawProcedureCode = code?.Code,
            ServiceDate = item.Serviced is Date served ? DateOf(served.Value) : null,
            // Our REF*6R equivalent when the payer echoes the claim item's extension; else lines are matched by procedure.
            LineControlNumber = (item.GetExtension(FhirClaimSystems.LineControlNumberExtension)?.Value as Identifier)?.Value,
            Adjustments = adjustments,
            RemarkCodes = [.. reasons.Skip(eligible == 0m ? 1 : 0)],
        };
    }

    private static DateOnly? DateOf(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    private static Money Sum(IEnumerable<Money> amounts, string currency) => Money.Sum(amounts, currency);
}
