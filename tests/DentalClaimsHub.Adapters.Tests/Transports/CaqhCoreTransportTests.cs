using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.PayerSimulator;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace DentalClaimsHub.Adapters.Tests.Transports;

public sealed class CaqhCoreTransportTests : IDisposable
{
    private const string PayerId = "demo-x12-dental";
    private const string Payload270Type = "X12_270_Request_005010X279A1";
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();
    private readonly WireMockServer _broken = WireMockServer.Start();

    private static string Sample270 => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "270-dental-inquiry.x12"));

    [Fact]
    public async Task SendAsync_SoapRealTime270_Returns271FromThePayer()
    {
        _simulator.CoreCredentials.Require("dch-user", "s3cret");
        await using var services = PayerTransportServices.Build(_simulator.Url);
        var (transport, payer) = Resolve(services);

        var answer = await transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None);

        Assert.Equal("X12_271_Response_005010X279A1", answer.PayloadType);
        Assert.StartsWith("ISA", answer.Payload, StringComparison.Ordinal);
        Assert.Contains("ST*271*", answer.Payload, StringComparison.Ordinal);
        Assert.Equal("application/soap+xml; charset=utf-8", _simulator.Received(CoreRealtimeModule.Path).Single().ContentType);
    }

    [Fact]
    public async Task SendAsync_MimeEnvelope_Returns271()
    {
        await using var services = PayerTransportServices.Build(_simulator.Url);
        var (transport, payer) = Resolve(services);
        var mime = payer with { Core = payer.Core! with { Envelope = CoreEnvelopeStyle.Mime } };

        var answer = await transport.SendAsync(mime, Payload270Type, Sample270, realTime: true, CancellationToken.None);

        Assert.Contains("ST*271*", answer.Payload, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", _simulator.Received(CoreRealtimeModule.Path).Single().ContentType?.Split(';')[0]);
    }

    [Fact]
    public async Task SendAsync_WrongCredentials_ThrowsWithThePayersCoreErrorCode()
    {
        _simulator.CoreCredentials.Require("someone-else", "other");
        await using var services = PayerTransportServices.Build(_simulator.Url);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Equal(PayerId, error.PayerId);
        Assert.False(string.IsNullOrEmpty(error.CoreErrorCode));
        // The simulator refuses credentials with a SOAP fault that carries the CORE code.
        Assert.Equal(PayerReasons.CoreSoapFault, error.Reason!.Code);
        Assert.Equal(PayerId, error.Reason.Args[0]);
    }

    [Fact]
    public async Task SendAsync_EnvelopeWithACoreErrorCode_CarriesTheCodeAndThePayersMessage()
    {
        const string Answer = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
            + "<cor:COREEnvelopeRealTimeResponse xmlns:cor=\"http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd\">"
            + "<PayloadType>CoreEnvelopeError</PayloadType><PayloadID>p</PayloadID>"
            + "<ErrorCode>Busy</ErrorCode><ErrorMessage>Try later</ErrorMessage></cor:COREEnvelopeRealTimeResponse></env:Body></env:Envelope>";
        _broken.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", CoreSoapCodec.MediaType).WithBody(Answer));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Equal("Busy", error.CoreErrorCode);
        Assert.Equal(PayerReasons.CoreError, error.Reason!.Code);
        Assert.Equal([PayerId, "Busy", "Try later", "200"], error.Reason.Args);
        Assert.Equal($"Payer '{PayerId}': CORE error Busy: Try later (HTTP 200).", error.Message);
    }

    [Fact]
    public async Task SendAsync_Payer500OnRealTime_RetriesThenReportsTheStatus()
    {
        _broken.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(500).WithBody("down"));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(PayerReasons.CoreNoEnvelope, error.Reason!.Code);
        Assert.Equal([PayerId, "500", "Internal Server Error"], error.Reason.Args);
        Assert.Equal(1 + payer.Resilience.RetryCount, _broken.LogEntries.Count());
    }

    [Fact]
    public async Task SendAsync_PayerRedirectsElsewhere_IsNotFollowedAndFailsWithTheStatus()
    {
        // The request carries PHI: it goes to the address the payer's profile names, not wherever a 3xx points.
        _broken.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", _simulator.Url + CoreRealtimeModule.Path));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Equal(PayerReasons.CoreNoEnvelope, error.Reason!.Code);
        Assert.Equal([PayerId, "307", "Temporary Redirect"], error.Reason.Args);
        Assert.Empty(_simulator.Received(CoreRealtimeModule.Path));
    }

    [Fact]
    public async Task SendAsync_ResponseForAnotherPayloadId_ThrowsPayerResponseException()
    {
        const string Answer = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
            + "<cor:COREEnvelopeRealTimeResponse xmlns:cor=\"http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd\">"
            + "<PayloadType>X12_271_Response_005010X279A1</PayloadType><PayloadID>somebody-elses</PayloadID>"
            + "<Payload>ISA</Payload><ErrorCode>Success</ErrorCode></cor:COREEnvelopeRealTimeResponse></env:Body></env:Envelope>";
        _broken.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", CoreSoapCodec.MediaType).WithBody(Answer));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<PayerResponseException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Contains("answers PayloadID 'somebody-elses'", error.Message, StringComparison.Ordinal);
        Assert.Equal(PayerReasons.CoreOtherPayload, error.Reason!.Code);
        Assert.Equal((PayerId, "somebody-elses"), (error.Reason.Args[0], error.Reason.Args[1]));
        Assert.Single(_broken.LogEntries);
    }

    [Fact]
    public async Task SendAsync_SoapFaultWithoutCoreCode_CarriesTheSoapFaultCode()
    {
        const string Fault = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault>"
            + "<env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text>bad request</env:Text></env:Reason>"
            + "</env:Fault></env:Body></env:Envelope>";
        _broken.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", CoreSoapCodec.MediaType).WithBody(Fault));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Equal("env:Sender", error.CoreErrorCode);
        Assert.Contains("SOAP fault: bad request", error.Message, StringComparison.Ordinal);
        Assert.Equal(PayerReasons.CoreSoapFault, error.Reason!.Code);
        Assert.Equal([PayerId, "bad request"], error.Reason.Args);
    }

    [Theory]
    [InlineData("not xml at all", PayerReasons.CoreNotXml)]
    [InlineData("<html><body>Gateway</body></html>", PayerReasons.CoreNotSoap)]
    public async Task SendAsync_AnswerThatIsNoSoapEnvelope_NamesWhatItIsNot(string body, string code)
    {
        _broken.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", CoreSoapCodec.MediaType).WithBody(body));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Null(error.CoreErrorCode);
        Assert.Equal(code, error.Reason!.Code);
        Assert.Equal([PayerId], error.Reason.Args);
        Assert.Equal(PayerReasons.English(code, [PayerId]), error.Message);
    }

    [Fact]
    public async Task SendAsync_Payer500OnBatch_IsNotRetried()
    {
        _broken.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        await using var services = PayerTransportServices.Build(_broken.Urls[0]);
        var (transport, payer) = Resolve(services);

        await Assert.ThrowsAsync<CoreTransportException>(() =>
            transport.SendAsync(payer, "X12_837_Request_005010X224A2", "ISA*...", realTime: false, CancellationToken.None));

        Assert.Single(_broken.LogEntries);
    }

    [Fact]
    public async Task SendAsync_PayerKeepsFailing_CircuitOpensAndFailsFastWithoutCallingIt()
    {
        _broken.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        await using var services = PayerTransportServices.Build(_broken.Urls[0], retryCount: 0);
        var (transport, payer) = Resolve(services);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<CoreTransportException>(() =>
                transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));
        }

        var calls = _broken.LogEntries.Count();
        await Assert.ThrowsAsync<BrokenCircuitException>(() =>
            transport.SendAsync(payer, Payload270Type, Sample270, realTime: true, CancellationToken.None));

        Assert.Equal(calls, _broken.LogEntries.Count());
    }

    private static (CaqhCoreTransport Transport, PayerProfile Payer) Resolve(IServiceProvider services) =>
        (services.GetRequiredService<CaqhCoreTransport>(), services.GetRequiredService<PayerProfileCatalog>().Get(PayerId));

    public void Dispose()
    {
        _simulator.Dispose();
        _broken.Stop();
    }
}
