using System.Net;
using System.Xml.Linq;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class CoreRealtimeTests : SimulatorTestBase
{
    private async Task<(HttpStatusCode Status, XDocument Body)> PostSoap(HttpContent content)
    {
        using var response = await Http.PostAsync(CoreRealtimeModule.Path, content);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Realtime_SoapEnvelopeWith270_Answers271WithMatchingControlNumbersAndTrace()
    {
        var (status, body) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Success", SoapField(body, "ErrorCode"));
        Assert.Equal("X12_271_Response_005010X279A1", SoapField(body, "PayloadType"));
        Assert.Equal("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", SoapField(body, "PayloadID"));
        Assert.Equal(("DEMODENTAL", "DCHUB"), (SoapField(body, "SenderID"), SoapField(body, "ReceiverID")));
        var segments = SoapField(body, "Payload")!.Split("~\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("000000101", segments[0].Split('*')[13]);
        Assert.Equal(
            "ISA*00*          *00*          *ZZ*DNDP1          *ZZ*BSFD0001       *260315*1031*^*00501*000000101*0*P*:",
            segments[0]);
        Assert.Equal("GS*HB*DNDP1*BSFD0001*20260315*1031*101*X*005010X279A1", segments[1]);
        Assert.Equal("ST*271*0001*005010X279A1", segments[2]);
        Assert.Contains("TRN*2*EL20260315001A*1371234567", segments);
        Assert.Contains("NM1*IL*1*MORALES*ELENA****MI*DNX448812001", segments);
        Assert.Contains("EB*1*IND*35**DENTAL PPO", segments);
        Assert.Equal($"SE*{segments.Length - 4}*0001", segments[^3]);
        Assert.Equal("IEA*1*000000101", segments[^1]);
    }

    [Fact]
    public async Task Realtime_MissingUsernameToken_ReturnsSoapFaultWithCoreCode()
    {
        var (status, body) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270), withToken: false));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var fault = Assert.Single(body.Descendants(Soap + "Fault"));
        Assert.Equal("env:Sender", fault.Element(Soap + "Code")!.Element(Soap + "Value")!.Value);
        Assert.Equal("cor:UnAuthorized", fault.Element(Soap + "Code")!.Element(Soap + "Subcode")!.Element(Soap + "Value")!.Value);
        Assert.Equal("UnAuthorized", SoapField(body, "ErrorCode"));
    }

    [Fact]
    public async Task Realtime_WrongPasswordWhenCredentialsRequired_IsUnauthorized()
    {
        Simulator.CoreCredentials.Require("demo-user", "another-pass");

        var (status, body) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("UnAuthorized", SoapField(body, "ErrorCode"));
        Simulator.CoreCredentials.Require("demo-user", "demo-pass");
        Assert.Equal(HttpStatusCode.OK, (await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270)))).Status);
    }

    [Theory]
    [InlineData("PayloadID", "", "PayloadIDRequired")]
    [InlineData("TimeStamp", "yesterday", "TimeStampIllegal")]
    [InlineData("ProcessingMode", "Batch", "ProcessingModeIllegal")]
    [InlineData("PayloadType", "X12_837_Request_005010X224A2", "PayloadTypeIllegal")]
    [InlineData("CORERuleVersion", "1.0.0", "VersionMismatch")]
    [InlineData("SenderID", "", "SenderIDRequired")]
    public async Task Realtime_BadEnvelopeField_ReturnsFaultNamingIt(string field, string value, string expectedCode)
    {
        var fields = CoreRequests.Fields(Sample270);
        fields[field] = value;

        var (status, body) = await PostSoap(CoreRequests.SoapEnvelope(fields));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(expectedCode, SoapField(body, "ErrorCode"));
    }

    [Fact]
    public async Task Realtime_XmlWithDtd_IsRefusedAsIllegalEnvelope()
    {
        const string Xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>";

        var (status, body) = await PostSoap(new StringContent(Xml, System.Text.Encoding.UTF8, "application/soap+xml"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("EnvelopeIllegal", SoapField(body, "ErrorCode"));
    }

    [Fact]
    public async Task Realtime_MimeMultipart_Answers271InMultipartFields()
    {
        using var response = await Http.PostAsync(CoreRealtimeModule.Path, CoreRequests.Mime(CoreRequests.Fields(Sample270)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/form-data", CoreRequests.ContentType(response)!.MediaType);
        var fields = await CoreRequests.ReadMimeFields(response);
        Assert.Equal("Success", fields["ErrorCode"]);
        Assert.Contains("TRN*2*EL20260315001A*1371234567~", fields["Payload"], StringComparison.Ordinal);
        Assert.StartsWith("ISA*", fields["Payload"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realtime_MimeWithoutCredentials_Returns400WithCoreCode()
    {
        var content = CoreRequests.Mime(CoreRequests.Fields(Sample270), withCredentials: false);
        using var response = await Http.PostAsync(CoreRealtimeModule.Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnAuthorized", (await CoreRequests.ReadMimeFields(response))["ErrorCode"]);
    }

    [Fact]
    public async Task Realtime_InactiveScenario_AnswersEb6()
    {
        Simulator.Use(CoreRealtimeModule.EligibilityInactive);

        var (_, body) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270)));

        var payload = SoapField(body, "Payload")!;
        Assert.Contains("EB*6*IND*35~", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("EB*1*", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realtime_MemberPrefixRule_SelectsScenarioPerMember()
    {
        Simulator.UseForMemberPrefix("DNX4488", CoreRealtimeModule.EligibilityInactive);
        Simulator.UseForMemberPrefix("ZZZ", CoreRealtimeModule.EligibilityActive);

        var (_, matching) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(Sample270)));
        var other = Sample270.Replace("DNX448812001", "ABC000000001", StringComparison.Ordinal);
        var (_, notMatching) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields(other)));

        Assert.Contains("EB*6*IND*35~", SoapField(matching, "Payload")!, StringComparison.Ordinal);
        Assert.Contains("EB*1*IND*35**DENTAL PPO~", SoapField(notMatching, "Payload")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realtime_PayloadThatIsNot270_AnswersInEnvelopeWithPayloadIllegal()
    {
        var (status, body) = await PostSoap(CoreRequests.SoapEnvelope(CoreRequests.Fields("NOT AN X12 FILE")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PayloadIllegal", SoapField(body, "ErrorCode"));
    }
}
