using System.Xml;
using System.Xml.Linq;
using DentalClaimsHub.Adapters.Transports.CaqhCore;

namespace DentalClaimsHub.Adapters.Tests.Transports;

/// <summary>
/// The CORE request envelope is written as text: it must be the very envelope an XML writer makes of the same tree, and
/// read back to the same fields, whatever the values hold.
/// </summary>
public sealed class CoreSoapCodecTests
{
    private static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static readonly XNamespace Core = "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd";
    private const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private static CoreMessage Message(string payload, string mode = CoreMessage.RealTime, string sender = "HUB-01") => new()
    {
        PayloadType = "X12_270_Request_005010X279A1",
        ProcessingMode = mode,
        PayloadId = "019a1b2c-0000-7000-8000-000000000001",
        TimeStamp = new DateTimeOffset(2026, 11, 24, 9, 30, 5, TimeSpan.Zero),
        SenderId = sender,
        ReceiverId = "PAYER<&>\"'",
        CoreRuleVersion = "2.2.0",
        Payload = payload,
    };

    [Theory]
    [InlineData("ISA*00*          *00*~GS*HS~ST*270*0001~SE*2*0001~", "user", "secret", CoreMessage.RealTime)]
    [InlineData("ISA|00|~ST|270|0001~ A & B < C > D \"quoted\" 'single'", "us&er<", "p>a\"ss'", CoreMessage.Batch)]
    [InlineData("a ]]> b ]] > c ]]>]]> d", "Ωmega", "пароль", CoreMessage.RealTime)]
    [InlineData("", "", "", CoreMessage.RealTime)]
    public void Write_IsTheEnvelopeAnXmlWriterMakesOfTheSameTree(string payload, string username, string password, string mode)
    {
        var message = Message(payload, mode);

        var written = CoreSoapCodec.Write(message, username, password);

        Assert.Equal(Reference(message, username, password), written);
    }

    [Theory]
    [InlineData("ISA*00~\r\nGS*HS~\r\nST*270*0001~\n")]
    [InlineData("x ]]> y & z < w")]
    public void Write_ReadsBackToTheSameFields(string payload)
    {
        var message = Message(payload, sender: "S&<>");

        var document = XDocument.Parse(CoreSoapCodec.Write(message, "u&<", "p\"'>"));

        var body = document.Root!.Element(Soap + "Body")!.Element(Core + "COREEnvelopeRealTimeRequest")!;
        // XML reads every line break as \n, whichever way it was written.
        Assert.Equal(payload.Replace("\r\n", "\n", StringComparison.Ordinal), body.Element("Payload")!.Value);
        Assert.Equal("S&<>", body.Element("SenderID")!.Value);
        Assert.Equal("PAYER<&>\"'", body.Element("ReceiverID")!.Value);
        Assert.Equal("2026-11-24T09:30:05Z", body.Element("TimeStamp")!.Value);
        var token = document.Root.Element(Soap + "Header")!.Element(Wsse + "Security")!.Element(Wsse + "UsernameToken")!;
        Assert.Equal(("u&<", "p\"'>"), (token.Element(Wsse + "Username")!.Value, token.Element(Wsse + "Password")!.Value));
    }

    [Fact]
    public void Write_CharacterXmlCannotCarry_IsRefused()
    {
        Assert.Throws<XmlException>(() => CoreSoapCodec.Write(Message("ISA\u0001*00~"), "user", "secret"));
        Assert.Throws<XmlException>(() => CoreSoapCodec.Write(Message("ISA*00~"), "us\u0008er", "secret"));
    }

    // What the codec wrote before it wrote text directly: an XDocument of the envelope, without formatting.
    private static string Reference(CoreMessage message, string username, string password)
    {
        var element = message.ProcessingMode == CoreMessage.Batch ? "COREEnvelopeBatchSubmission" : "COREEnvelopeRealTimeRequest";
        return new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cor", Core.NamespaceName),
            new XElement(Soap + "Header",
                new XElement(Wsse + "Security", new XAttribute(XNamespace.Xmlns + "wsse", Wsse.NamespaceName),
                    new XElement(Wsse + "UsernameToken",
                        new XElement(Wsse + "Username", username),
                        new XElement(Wsse + "Password", new XAttribute("Type", PasswordText), password)))),
            new XElement(Soap + "Body",
                new XElement(Core + element, message.Fields().Select(f => f.Name == "Payload"
                    ? new XElement(f.Name, new XCData(f.Value))
                    : new XElement(f.Name, f.Value)))))).ToString(SaveOptions.DisableFormatting);
    }
}
