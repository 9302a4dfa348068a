using System.Net;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DentalClaimsHub.Adapters.Tests.Transports;

public sealed class PayerRetryTests
{
    [Fact]
    public void OptionsFor_ProfileSettings_JitteredExponentialBackOffWithTheProfilesRetryCount()
    {
        var options = PayerRetry.OptionsFor(ResilienceSettings.Default with { RetryCount = 2 });

        Assert.Equal((2, true, DelayBackoffType.Exponential, TimeSpan.FromMilliseconds(200)),
            (options.MaxRetryAttempts, options.UseJitter, options.BackoffType, options.Delay));
        Assert.True(ResilienceSettings.Default.RetryJitter);
        Assert.False(PayerRetry.OptionsFor(ResilienceSettings.Default with { RetryJitter = false }).UseJitter);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public async Task ShouldHandle_IdempotentInquiryAnsweredWithStatus_RetriesOnly5xx(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried, await ShouldRetryAsync(Outcome.FromResult(response), idempotent: true));
    }

    [Fact]
    public async Task ShouldHandle_TransportErrorOrAttemptTimeout_Retried()
    {
        Assert.True(await ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), idempotent: true));
        Assert.True(await ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), idempotent: true));
        Assert.False(await ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), idempotent: true));
    }

    [Fact]
    public async Task ShouldHandle_ClaimSubmissionFailing_NeverRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.False(await ShouldRetryAsync(Outcome.FromResult(response), idempotent: false));
        Assert.False(await ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), idempotent: false));
    }

    private static async Task<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://payer.example/x12").ForPayer("test-payer", idempotent);
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            context.SetRequestMessage(request);
            var options = PayerRetry.OptionsFor(ResilienceSettings.Default);
            return await options.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, outcome, attemptNumber: 0));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
