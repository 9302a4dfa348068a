using DentalClaimsHub.Adapters.Fhir.ClaimStatus;
using DentalClaimsHub.Adapters.Tests.Simulator;
using DentalClaimsHub.Domain.Claims.Status;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Tests.Fhir.ClaimStatus;

/// <summary>ClaimResponse shapes a FHIR payer may answer a status Task with, read into the canonical status.</summary>
public sealed class FhirClaimStatusMappingTests
{
    private static readonly ClaimStatusQuery Query = ClaimStatusRequests.Query();

    private static ClaimResponse Response(ClaimProcessingCodes? outcome, string? payerNumber = "FCN00000007") => new()
    {
        Outcome = outcome,
        Identifier = payerNumber is null ? [] : [new Identifier("urn:payer:claim", payerNumber)],
        Request = new ResourceReference { Identifier = new Identifier("urn:dentalclaimshub:patient-control-number", "PCN1001") },
        CreatedElement = new FhirDateTime("2026-03-20T09:00:00Z"),
    };

    private static ClaimResponse.AdjudicationComponent Adjudication(string category, decimal amount, string? reason = null) => new()
    {
        Category = new CodeableConcept(FhirStatusCodes.Adjudication, category),
        Amount = new Money { Value = amount, Currency = Money.Currencies.USD },
        Reason = reason is null ? null : new CodeableConcept("http://terminology.hl7.org/CodeSystem/adjudication-reason", reason),
    };

    [Fact]
    public void FromClaimResponse_Queued_IsAcceptedWithThePayersClaimNumber()
    {
        var result = FhirClaimStatusMapping.FromClaimResponse(Response(ClaimProcessingCodes.Queued), Query);

        Assert.Equal((ClaimStatusOutcome.Accepted, "A2", "20"), (result.Outcome, result.Current!.Category, result.Current.Code));
        Assert.Equal(("FCN00000007", "PCN1001", Query.TraceNumber), (result.PayerClaimNumber, result.PatientControlNumber, result.TraceNumber));
        Assert.Equal(new DateOnly(2026, 3, 20), result.Current.EffectiveDate);
    }

    [Fact]
    public void FromClaimResponse_CompleteWithoutAmounts_IsFinalizedNotDenied()
    {
        var result = FhirClaimStatusMapping.FromClaimResponse(Response(ClaimProcessingCodes.Complete), Query);

        Assert.Equal((ClaimStatusOutcome.Finalized, false, "F0"), (result.Outcome, result.Denied, result.Current!.Category));
        Assert.Null(result.PaidAmount);
    }

    [Fact]
    public void FromClaimResponse_NothingPaidBecauseOfTheDeductible_IsNotADenial()
    {
        var response = Response(ClaimProcessingCodes.Complete);
        response.Item.Add(new ClaimResponse.ItemComponent
        {
            ItemSequence = 1,
            Adjudication = [Adjudication("submitted", 120m), Adjudication("deductible", 120m), Adjudication("benefit", 0m)],
        });
        response.Payment = new ClaimResponse.PaymentComponent { Amount = new Money { Value = 0m, Currency = Money.Currencies.USD } };

        var result = FhirClaimStatusMapping.FromClaimResponse(response, Query);

        Assert.Equal((ClaimStatusOutcome.Finalized, false, 0m), (result.Outcome, result.Denied, result.PaidAmount));
        Assert.Equal((120m, 0m), (result.Lines[0].Charge, result.Lines[0].Paid));
    }

    [Fact]
    public void FromClaimResponse_NothingPaidWithAReasonOnEveryItem_IsADenialWithTheReasons()
    {
        var response = Response(ClaimProcessingCodes.Complete);
        response.Disposition = "Services not covered.";
        response.Item.Add(new ClaimResponse.ItemComponent { ItemSequence = 1, Adjudication = [Adjudication("benefit", 0m, "ar001")] });
        response.Item.Add(new ClaimResponse.ItemComponent { ItemSequence = 2, Adjudication = [Adjudication("benefit", 0m, "ar002")] });

        var result = FhirClaimStatusMapping.FromClaimResponse(response, Query);

        Assert.True(result.Denied);
        Assert.Equal("FHIR ClaimResponse complete (F2): adjudicated, denied (ar001, ar002): Services not covered.", result.Summary);
        Assert.All(result.Lines, l => Assert.Equal("F2", l.Statuses[0].Category));
    }

    [Fact]
    public void FromClaimResponse_Paid_IsFinalizedWithThePayment()
    {
        var response = Response(ClaimProcessingCodes.Complete);
        response.Total = [new ClaimResponse.TotalComponent
        {
            Category = new CodeableConcept(FhirStatusCodes.Adjudication, "submitted"), Amount = new Money { Value = 468m },
        }];
        response.Payment = new ClaimResponse.PaymentComponent { Amount = new Money { Value = 374.40m } };

        var result = FhirClaimStatusMapping.FromClaimResponse(response, Query);

        Assert.Equal((ClaimStatusOutcome.Finalized, false, "F1"), (result.Outcome, result.Denied, result.Current!.Category));
        Assert.Equal((468m, 374.40m), (result.TotalCharge, result.PaidAmount));
        Assert.StartsWith("FHIR ClaimResponse complete (F1): adjudicated, paid 374.40", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void FromClaimResponse_Error_IsRejectedWithTheErrorCodes()
    {
        var response = Response(ClaimProcessingCodes.Error, payerNumber: null);
        response.Error.Add(new ClaimResponse.ErrorComponent { Code = new CodeableConcept("http://terminology.hl7.org/CodeSystem/adjudication-error", "a002") });

        var result = FhirClaimStatusMapping.FromClaimResponse(response, Query);

        Assert.Equal(ClaimStatusOutcome.Rejected, result.Outcome);
        Assert.Null(result.PayerClaimNumber);
        Assert.Contains("(a002)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void FromClaimResponse_NoOutcome_IsUnknownWithAProblem()
    {
        var result = FhirClaimStatusMapping.FromClaimResponse(Response(null), Query);

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.Unknown, result.Outcome);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void FromClaimResponse_AnotherClaimsResponse_IsAnUnusableFailure()
    {
        var response = Response(ClaimProcessingCodes.Queued);
        response.Request!.Identifier!.Value = "PCN2002";

        var result = FhirClaimStatusMapping.FromClaimResponse(response, Query);

        Assert.Equal(ClaimStatusFailureKind.Unusable, result.Failure?.Kind);
    }

    [Fact]
    public void FromOutcomeCode_Partial_IsPending()
    {
        Assert.Equal(ClaimStatusOutcome.Pending, FhirClaimStatusMapping.FromOutcomeCode("partial", Query).Outcome);
    }
}
