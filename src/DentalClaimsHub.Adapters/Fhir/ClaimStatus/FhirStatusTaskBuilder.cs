using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace DentalClaimsHub.Adapters.Fhir.ClaimStatus;

/// <summary>
/// The R4 financial-module status request: a <c>Task</c> with code <c>status</c> (financialtaskcode), intent <c>order</c>,
/// status <c>requested</c>, whose <c>focus</c> names the Claim by the identifier we sent it under (our patient control
/// number); the payer's own claim number, once known, rides along as an input. The requester is the billing practice,
/// the owner the payer. No patient data: the claim identifier is all a payer needs to find it.
/// </summary>
public sealed class FhirStatusTaskBuilder(TimeProvider time)
{
    /// <summary>Our identifier system for status inquiries (the trace number the poller matches answers by).</summary>
    public const string InquirySystem = "urn:dentalclaimshub:claim-status-inquiry";

    /// <summary>Our code system for Task inputs R4 has no code for.</summary>
    public const string TaskInputSystem = "urn:dentalclaimshub:task-input";

    public FhirTask Build(ClaimStatusInquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var query = inquiry.Query;
        var task = new FhirTask
        {
            Identifier = [new Identifier(InquirySystem, query.TraceNumber)],
            Status = FhirTask.TaskStatus.Requested,
            Intent = FhirTask.TaskIntent.Order,
            Code = new CodeableConcept(FhirStatusCodes.FinancialTask, FhirStatusCodes.StatusTask),
            Focus = new ResourceReference
            {
                Type = "Claim",
                Identifier = new Identifier(FhirClaimSystems.PatientControlNumber, query.PatientControlNumber),
            },
            AuthoredOnElement = new FhirDateTime(time.GetUtcNow().ToUniversalTime()),
            Requester = Requester(inquiry),
            Owner = FhirEligibilityResources.InsurerReference(inquiry.Payer),
        };
        if (query.PayerClaimNumber is { } payerNumber)
        {
            task.Input.Add(new FhirTask.ParameterComponent
            {
                Type = new CodeableConcept(TaskInputSystem, "payer-claim-number"),
                Value = new Identifier(FhirClaimSystems.PayerClaimNumber, payerNumber),
            });
        }

        return task;
    }

    // The practice as the claim named it (Claim.provider): our id, with its NPI, else its tax id.
    private static ResourceReference Requester(ClaimStatusInquiry inquiry)
    {
        var provider = inquiry.Query.BillingProvider;
        return new ResourceReference($"Organization/{inquiry.PracticeId}", provider.Name)
        {
            Identifier = provider.Npi is { } npi
                ? new Identifier(FhirSystems.Npi, npi.Value)
                : new Identifier(FhirClaimSystems.UsTaxId, provider.TaxId),
        };
    }
}
