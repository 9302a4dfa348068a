using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

// What travels: the CORE envelope around the 270, the inquiry inside it, and when the payer is not asked at all (cache).
public sealed partial class X12EligibilityTests
{
    [Fact]
    public async Task Check_DemoPayer_Sends270InSoapCoreEnvelopeWithWsSecurity()
    {
        var member = Member("XENV");
        var practice = await factory.CreatePracticeAsync();

        var (_, check) = await PostAsync(practice.Client, Request(member));

        var body = Assert.Single(Received(Simulator, member));
        Assert.Contains("<wsse:Username>" + SimulatedPayersFactory.CoreUser + "</wsse:Username>", body, StringComparison.Ordinal);
        Assert.Contains("#PasswordText\">" + SimulatedPayersFactory.CorePassword + "</wsse:Password>", body, StringComparison.Ordinal);
        foreach (var field in new[]
        {
            "<PayloadType>X12_270_Request_005010X279A1</PayloadType>", "<ProcessingMode>RealTime</ProcessingMode>",
            "<SenderID>DCHUB</SenderID>", "<ReceiverID>DEMODENTAL</ReceiverID>", "<CORERuleVersion>2.2.0</CORERuleVersion>",
            "<PayloadID>", "<TimeStamp>", "<![CDATA[ISA*",
        })
        {
            Assert.Contains(field, body, StringComparison.Ordinal);
        }

        Assert.Contains("~EQ*35~", body, StringComparison.Ordinal);
        Assert.Contains("~NM1*1P*1*OKAFOR*GRACE****XX*1234567893~", body, StringComparison.Ordinal);
        Assert.Contains($"~TRN*1*{check.Id.ToString("N").ToUpperInvariant()}*", body, StringComparison.Ordinal);
        Assert.Equal("active", check.Result!.CoverageStatus);
    }

    [Fact]
    public async Task Check_TracingOff_ThePayerCallCarriesNoTraceContext()
    {
        // The hub records no traces here (no OTLP, no console exporter): a traceparent would lead the payer nowhere, and the
        // HTTP stack's diagnostics layer that writes it is left out of payer calls. With tracing on, TracingTests shows it.
        var member = Member("XNOTRACE");
        var practice = await factory.CreatePracticeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/eligibility") { Content = JsonContent.Create(Request(member)) };
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        var response = await practice.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(Simulator.Received(CoreRealtimeModule.Path),
            r => r.BodyText.Contains(MemberRef(member), StringComparison.Ordinal));
        Assert.False(received.Headers.ContainsKey("traceparent"), "a payer call carried a traceparent with tracing off");
        Assert.False(received.Headers.ContainsKey("tracestate"));
    }

    [Fact]
    public async Task Check_DemoPayer_Keeps270And271RawInTheMessageStoreLinkedToTheCheck()
    {
        var member = Member("XRAW");
        var practice = await factory.CreatePracticeAsync();

        var (_, check) = await PostAsync(practice.Client, Request(member));

        // The 200 leaves before the check is written: InDatabaseAsync waits for the write.
        var (messages, stored) = await factory.InDatabaseAsync(async db => (
            await db.Messages.Where(m => m.LinkedIds.Contains(check.Id)).OrderBy(m => m.ReceivedAt).ToListAsync(),
            await db.EligibilityChecks.SingleAsync(c => c.Id == check.Id)));
        Assert.Equal([(MessageDirection.Outbound, "270"), (MessageDirection.Inbound, "271")],
            messages.Select(m => (m.Direction, m.TransactionType)));
        var (sent, received) = (messages[0], messages[1]);
        Assert.Equal(sent.Id, stored.RequestMessageId);
        Assert.Equal(check.Id.ToString("N").ToUpperInvariant(), stored.TraceNumber);
        Assert.Contains(Encoding.UTF8.GetString(sent.Content), Assert.Single(Received(Simulator, member)), StringComparison.Ordinal);
        Assert.Equal(("DCHUB", "DEMODENTAL", sent.InterchangeControlNumber),
            (received.ReceiverId, received.SenderId, received.InterchangeControlNumber));
        Assert.Equal((practice.Id, "demo-x12-dental", MessageParseStatus.Parsed),
            (received.PracticeId, received.PayerId, received.ParseStatus));
    }

    [Fact]
    public async Task Check_ProcedureCodes_AsksAdaCodesAndGetsALinePerCode()
    {
        var member = Member("XPRC");
        var practice = await factory.CreatePracticeAsync();

        var (_, check) = await PostAsync(practice.Client, Request(member, DemoPayer, "D2740", "D0120"));

        var body = Assert.Single(Received(Simulator, member));
        Assert.Contains("~EQ**AD:D2740~EQ**AD:D0120~", body, StringComparison.Ordinal);
        Assert.DoesNotContain("~EQ*35~", body, StringComparison.Ordinal);
        Assert.Equal(["D2740", "D0120"], check.ProcedureCodes);
        Assert.Contains(check.Result!.Benefits,
            b => b is { Kind: "coInsurance", Percent: 20m } && b.ProcedureCodes.SequenceEqual(["D0120"]));
    }

    [Fact]
    public async Task Check_ServiceTypeCodes_AsksThoseCategoriesAndEchoesThem()
    {
        var member = Member("XSTC");
        var practice = await factory.CreatePracticeAsync();

        var (response, check) = await PostAsync(practice.Client, Request(member, DemoPayer) with { ServiceTypeCodes = ["23", "41", "23"] });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Assert.Single(Received(Simulator, member));
        Assert.Contains("~EQ*23~EQ*41~", body, StringComparison.Ordinal);
        Assert.DoesNotContain("~EQ*35~", body, StringComparison.Ordinal);
        Assert.Equal(["23", "41"], check.ServiceTypeCodes);
        Assert.Equal("completed", check.Status);
    }

    [Fact]
    public async Task Check_ServiceTypesAskedDiffer_TheCachedAnswerForOtherCategoriesIsNotReused()
    {
        var member = Member("XSTK");
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member, DemoPayer) with { ServiceTypeCodes = ["23"] });
        var again = new EligibilityRequest { PatientId = first.PatientId, CoverageId = first.CoverageId, DateOfService = first.DateOfService };

        var (_, same) = await PostAsync(practice.Client, again with { ServiceTypeCodes = ["23"] });
        var (_, other) = await PostAsync(practice.Client, again with { ServiceTypeCodes = ["38"] });

        Assert.Equal((first.Id, true), (same.Id, same.Cached));
        Assert.NotEqual(first.Id, other.Id);
        Assert.False(other.Cached);
        Assert.Equal(2, Received(Simulator, member).Count);
    }

    [Fact]
    public async Task Check_BadServiceTypeOrProcedureCode_ForARegisteredPatient_Returns400AndAsksNobody()
    {
        var member = Member("XSTB");
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member, DemoPayer));
        var again = new EligibilityRequest
        {
            PatientId = first.PatientId, CoverageId = first.CoverageId, DateOfService = first.DateOfService, Force = true,
            ServiceTypeCodes = ["35", "99"], ProcedureCodes = ["D0120", "X1"],
        };

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", again);

        await ProblemAssert.HasFieldErrorsAsync(response, "$.serviceTypeCodes[1]", "$.procedureCodes[1]");
        Assert.Single(Received(Simulator, member));
    }

    [Fact]
    public async Task Check_MimePayer_Sends270AsMultipartAndReadsTheMultipartAnswer()
    {
        var member = Member("XMIM");
        var practice = await factory.CreatePracticeAsync();

        var (_, check) = await PostAsync(practice.Client, Request(member, "test-x12-mime"));

        var request = Assert.Single(Simulator.Received(CoreRealtimeModule.Path),
            r => r.BodyText.Contains(MemberRef(member), StringComparison.Ordinal));
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=PayloadType", request.BodyText.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("active", check.Result!.CoverageStatus);
    }

    [Fact]
    public async Task Check_SameMemberAndDateAgain_AnsweredFromCacheUnlessForced()
    {
        var member = Member("XCAC");
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member));
        var again = new EligibilityRequest
        {
            PatientId = first.PatientId, CoverageId = first.CoverageId, DateOfService = Visit, Provider = Request(member).Provider,
        };

        var (_, cached) = await PostAsync(practice.Client, again);
        var askedAfterCache = Received(Simulator, member).Count;
        var (_, forced) = await PostAsync(practice.Client, again with { Force = true });

        Assert.Equal((true, first.Id), (cached.Cached, cached.Id));
        Assert.Equal(1, askedAfterCache);
        Assert.False(forced.Cached);
        Assert.NotEqual(first.Id, forced.Id);
        Assert.Equal(2, Received(Simulator, member).Count);
    }

    [Fact]
    public async Task Check_X12Exchange_LogsNoPatientNameBirthDateOrMemberId()
    {
        var member = Member("XPHI");
        Simulator.UseForMemberPrefix("XPHI", CoreRealtimeModule.EligibilityMalformed);
        var practice = await factory.CreatePracticeAsync();

        var (_, check) = await PostAsync(practice.Client, Request(member));

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains(factory.Logs.Events, e => e.Contains(check.Id.ToString(), StringComparison.Ordinal));
        Assert.Empty(factory.Logs.Containing(
            TestData.PatientLast, TestData.PatientLast.ToUpperInvariant(), TestData.PatientFirst, member, "19870314", "1987-03-14"));
    }
}
