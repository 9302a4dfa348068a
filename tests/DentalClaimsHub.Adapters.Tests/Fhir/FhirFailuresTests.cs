using System.Net;
using DentalClaimsHub.Adapters.Fhir.Transport;
using DentalClaimsHub.Adapters.Transports;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace DentalClaimsHub.Adapters.Tests.Fhir;

public sealed class FhirFailuresTests
{
    private static FhirOperationException Failure(HttpStatusCode status, params string[] diagnostics)
    {
        var outcome = new OperationOutcome();
        foreach (var text in diagnostics)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Processing, Diagnostics = text,
            });
        }

        return new FhirOperationException($"Operation failed: {string.Join(", ", diagnostics)}", status, outcome);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public void From_PayerCannotAnswerNow_IsHttpRequestExceptionWithTheStatusAndNoPayerText(HttpStatusCode status)
    {
        var error = Assert.IsType<HttpRequestException>(FhirFailures.From(Failure(status, "Member DNX1 locked"), "p1"));

        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain("DNX1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_OperationOutcome400_IsPayerResponseExceptionWithRedactedDiagnostics()
    {
        var failure = Failure(HttpStatusCode.BadRequest, "Member DNX1 unknown", "servicedDate required");

        var error = Assert.IsType<PayerResponseException>(FhirFailures.From(failure, "p1", text => text.Replace("DNX1", "***")));

        Assert.Equal("The FHIR payer answered HTTP 400: Member *** unknown; servicedDate required", error.Message);
        Assert.Equal(PayerReasons.FhirHttpError, error.Reason!.Code);
        Assert.Equal(["400", "Member *** unknown; servicedDate required"], error.Reason.Args);
        Assert.Equal("p1", error.PayerId);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void From_404WithoutOutcome_SaysSo()
    {
        var error = FhirFailures.From(new FhirOperationException("Not found", HttpStatusCode.NotFound), "p1");

        Assert.Equal("The FHIR payer answered HTTP 404 without an OperationOutcome.", Assert.IsType<PayerResponseException>(error).Message);
        var reason = ((PayerResponseException)error).Reason!;
        Assert.Equal((PayerReasons.FhirHttpNoOutcome, "404"), (reason.Code, Assert.Single(reason.Args)));
    }

    [Fact]
    public void From_SuccessTheSdkCouldNotParse_IsNotReadableFhir()
    {
        var error = FhirFailures.From(Failure(HttpStatusCode.OK, "body is not recognized as either xml or json"), "p1");

        Assert.Equal("The FHIR payer's answer is not readable FHIR JSON: body is not recognized as either xml or json",
            Assert.IsType<PayerResponseException>(error).Message);
        Assert.Equal(PayerReasons.FhirUnreadable, ((PayerResponseException)error).Reason!.Code);
        Assert.Equal(["body is not recognized as either xml or json"], ((PayerResponseException)error).Reason!.Args);
    }

    [Fact]
    public void Describe_VeryLongDiagnostics_AreCutTo300Characters()
    {
        var outcome = new OperationOutcome();
        outcome.Issue.Add(new OperationOutcome.IssueComponent { Diagnostics = new string('x', 1000) });

        Assert.Equal(301, FhirFailures.Describe(outcome)!.Length);
        Assert.Null(FhirFailures.Describe(new OperationOutcome()));
    }

    [Fact]
    public void Unreadable_SaysWhichExceptionAndKeepsNoPayerText()
    {
        var error = FhirFailures.Unreadable(new FormatException("Member DNX1 unknown"), "p1");

        Assert.Equal("The FHIR payer's answer is not readable FHIR JSON (FormatException).", error.Message);
        Assert.Equal(PayerReasons.FhirUnreadableType, error.Reason!.Code);
        Assert.Equal(["FormatException"], error.Reason.Args);
    }
}
