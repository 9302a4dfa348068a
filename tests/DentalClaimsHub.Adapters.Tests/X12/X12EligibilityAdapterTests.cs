using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Schemas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalClaimsHub.Adapters.Tests.X12;

public sealed class X12EligibilityAdapterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly Lazy<X12SchemaRegistry> Schemas = new(X12SchemaRegistry.LoadDefault);
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();
    private readonly ServiceProvider _services;
    private readonly X12EligibilityAdapter _adapter;
    private readonly CountingAllocator _allocator = new();
    private readonly MessageList _messages = new();

    public X12EligibilityAdapterTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = RepositoryPaths.Mappings,
            ["Hub:Variables:SIMULATOR_URL"] = _simulator.Url,
            ["DEMO_X12_USER"] = "dch-user",
            ["DEMO_X12_PASSWORD"] = "s3cret",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddPayerProfiles(configuration).AddPayerTransports();
        _services = services.BuildServiceProvider();
        _adapter = new X12EligibilityAdapter(_allocator, _messages, _services.GetRequiredService<CaqhCoreTransport>(),
            new Eligibility271Reader(Schemas.Value, TimeProvider.System), TimeProvider.System, NullLogger<X12EligibilityAdapter>.Instance);
    }

    private PayerProfile Payer => _services.GetRequiredService<PayerProfileCatalog>().Get("demo-x12-dental");

    private EligibilityInquiry Inquiry(string memberId = "DNX448812001", string last = "Morales", string? subscriberId = null)
    {
        var practice = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now, npi: Npi.Parse("1234567893"));
        var patient = Patient.Create(practice.Id, new PersonName(last, "Elena"), new DateOnly(1985, 4, 12), Sex.Female, Now);
        var subscriber = subscriberId is null
            ? null
            : new Subscriber(new PersonName("Морозова", "Анна"), new DateOnly(1980, 1, 2), Sex.Female, subscriberId);
        var coverage = Coverage.Create(practice.Id, patient.Id, "demo-x12-dental", memberId, CoverageOrder.Primary,
            subscriber is null ? SubscriberRelationship.Self : SubscriberRelationship.Child, Now, subscriber: subscriber);
        var check = EligibilityCheck.Create(practice.Id, patient.Id, coverage.Id, coverage.PayerId, new DateOnly(2026, 3, 20), Now);
        return new EligibilityInquiry(check, practice, patient, coverage, Payer);
    }

    [Fact]
    public async Task CheckAsync_ActiveMember_SendsAllocatedControlNumbersAndReturnsTheResult()
    {
        var result = await _adapter.CheckAsync(Inquiry(), CancellationToken.None);

        Assert.Equal(CoverageStatus.Active, result.Status);
        var sent = Assert.Single(_simulator.Received(CoreRealtimeModule.Path)).BodyText;
        Assert.Contains("*00501*000000041*0*T*:~GS*HS*DCHUB*DEMODENTAL*", sent, StringComparison.Ordinal);
        Assert.Contains("*41*X*005010X279A1~ST*270*0041*005010X279A1~", sent, StringComparison.Ordinal);
        Assert.Equal(["demo-x12-dental/ISA", "demo-x12-dental/GS", "demo-x12-dental/ST"], _allocator.Asked);
    }

    [Fact]
    public async Task CheckAsync_ActiveMember_Keeps270And271LinkedToTheCheckAndMarksItSent()
    {
        var inquiry = Inquiry();

        await _adapter.CheckAsync(inquiry, CancellationToken.None);

        Assert.Equal([(true, "270"), (false, "271")], _messages.Records.Select(m => (m.Outbound, m.TransactionType)));
        Assert.All(_messages.Records, m => Assert.Equal((inquiry.Check.Id, "demo-x12-dental"), (m.LinkedId, m.PayerId)));
        var (sent, received) = (_messages.Records[0], _messages.Records[1]);
        Assert.Equal(("DCHUB", "DEMODENTAL", "000000041", "41"), (sent.Envelope!.SenderId, sent.Envelope.ReceiverId,
            sent.Envelope.InterchangeControlNumber, sent.Envelope.GroupControlNumber));
        Assert.Equal(("DEMODENTAL", "DCHUB", "000000041", false), (received.Envelope!.SenderId, received.Envelope.ReceiverId,
            received.Envelope.InterchangeControlNumber, received.Unusable));
        Assert.Contains(sent.Content, _simulator.Received(CoreRealtimeModule.Path).Single().BodyText, StringComparison.Ordinal);
        Assert.Equal((EligibilityCheckStatus.Sent, _messages.Ids[0]), (inquiry.Check.Status, inquiry.Check.RequestMessageId));
        Assert.Equal(inquiry.TraceNumber, inquiry.Check.TraceNumber);
    }

    [Fact]
    public async Task CheckAsync_Truncated271_IsKeptAsUnusableWithTheReasons()
    {
        _simulator.UseForMemberPrefix("MAL", CoreRealtimeModule.EligibilityMalformed);

        var error = await Assert.ThrowsAsync<PayerResponseException>(() => _adapter.CheckAsync(Inquiry("MAL0001"), CancellationToken.None));

        Assert.Equal(PayerReasons.X12Unusable, error.Reason!.Code);
        Assert.Contains("truncated", Assert.Single(error.Reason.Args), StringComparison.Ordinal);
        Assert.Equal("The payer's 271 could not be used: " + error.Reason.Args[0], error.Message);
        var received = Assert.Single(_messages.Records, m => !m.Outbound);
        Assert.True(received.Unusable);
        Assert.Contains(received.Problems!, p => p.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_AnswerForAnotherTrace_ThrowsPayerResponseException()
    {
        _simulator.UseForMemberPrefix("TRC", CoreRealtimeModule.EligibilityOtherTrace);

        var inquiry = Inquiry("TRC0001");
        var error = await Assert.ThrowsAsync<PayerResponseException>(() => _adapter.CheckAsync(inquiry, CancellationToken.None));

        Assert.Contains("answers trace 'OTHER", error.Message, StringComparison.Ordinal);
        Assert.Equal(PayerReasons.OtherTrace, error.Reason!.Code);
        Assert.StartsWith("OTHER", error.Reason.Args[0], StringComparison.Ordinal);
        Assert.Equal(inquiry.TraceNumber, error.Reason.Args[1]);
    }

    [Fact]
    public async Task CheckAsync_SoapFault_ThrowsCoreTransportExceptionWithTheSoapCode()
    {
        _simulator.UseForMemberPrefix("FLT", CoreRealtimeModule.EligibilitySoapFault);

        var error = await Assert.ThrowsAsync<CoreTransportException>(() => _adapter.CheckAsync(Inquiry("FLT0001"), CancellationToken.None));

        Assert.Equal("env:Receiver", error.CoreErrorCode);
        Assert.Equal(PayerReasons.CoreSoapFault, error.Reason!.Code);
        Assert.Equal(error.PayerId, error.Reason.Args[0]);
        Assert.Equal($"Payer '{error.PayerId}': SOAP fault: {error.Reason.Args[1]}", error.Message);
    }

    [Fact]
    public void Validate_CompleteInquiry_HasNoProblems() => Assert.Empty(_adapter.Validate(Inquiry()));

    [Fact]
    public void Validate_PracticeWithoutNpi_NamesProviderNpi()
    {
        var inquiry = Inquiry();
        var withoutNpi = inquiry with { Practice = Practice.Create("No Npi Dental", "US", "America/Chicago", Now) };

        Assert.Equal(["provider.npi"], _adapter.Validate(withoutNpi).Select(p => p.Field));
    }

    [Fact]
    public void Validate_NamesAndIdsWithoutX12Characters_NamesEachField()
    {
        var problems = _adapter.Validate(Inquiry(memberId: "ДМС", last: "Морозова", subscriberId: "№№"));

        Assert.Equal(["coverage.subscriber.memberId", "coverage.subscriber.name.last", "patient.name.last"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_PayerWithoutCoreEndpoint_NamesThePayer()
    {
        var inquiry = Inquiry();

        var problems = _adapter.Validate(inquiry with { Payer = inquiry.Payer with { Core = null } });

        Assert.Equal(["coverage.payerId"], problems.Select(p => p.Field));
    }

    public void Dispose()
    {
        _services.Dispose();
        _simulator.Dispose();
    }

    private sealed class MessageList : IX12MessageLog
    {
        public List<X12MessageRecord> Records { get; } = [];

        public List<Guid> Ids { get; } = [];

        public Guid Record(X12MessageRecord message)
        {
            lock (Records)
            {
                Records.Add(message);
                Ids.Add(Guid.NewGuid());
                return Ids[^1];
            }
        }
    }

    // Hands out 41 for every scope and records what was asked, in order.
    private sealed class CountingAllocator : IControlNumberAllocator
    {
        public List<string> Asked { get; } = [];

        public Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken)
        {
            Asked.Add($"{tradingPartner}/{scope}");
            return Task.FromResult(41L);
        }
    }
}
