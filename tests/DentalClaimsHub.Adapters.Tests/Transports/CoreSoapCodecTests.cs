using System.Text;
using System.Xml;
using System.Xml.Linq;
using DentalClaimsHub.Adapters.Transports;
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

    static CoreSoapCodecTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

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
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(written), CoreSoapCodec.WriteUtf8(message, username, password));
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

    private const string Envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
        + "xmlns:cor=\"http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd\"><env:Header/>{0}</env:Envelope>";

    private const string Response = "<env:Body><cor:COREEnvelopeRealTimeResponse>"
        + "<PayloadType>X12_271_Response_005010X279A1</PayloadType><ProcessingMode>RealTime</ProcessingMode><PayloadID>p-1</PayloadID>"
        + "<TimeStamp>2026-11-24T09:30:06Z</TimeStamp>"
        + "<SenderID>PAYER</SenderID><ReceiverID>HUB-01</ReceiverID><CORERuleVersion>2.2.0</CORERuleVersion>"
        + "<Payload><![CDATA[ISA*00~ÄÖ ]]]]><![CDATA[> №]]></Payload><ErrorCode>Success</ErrorCode>"
        + "<ErrorMessage>A &amp; B</ErrorMessage></cor:COREEnvelopeRealTimeResponse></env:Body>";

    // Answers the codec must read as it read them from a whole document: the first element of the first Body, the first of
    // each field, a field's text whatever it holds; a fault; what is no envelope or no XML (anywhere in the answer).
    public static TheoryData<string> Answers() =>
    [
        string.Format(null, Envelope, Response),
        string.Format(null, Envelope, Response.Replace(
            "<PayloadID>p-1</PayloadID>", "<PayloadID>p-<b>1</b></PayloadID><PayloadID>2</PayloadID>", StringComparison.Ordinal)),
        string.Format(null, Envelope, Response.Replace("<ErrorMessage>A &amp; B</ErrorMessage>",
            "<ErrorMessage>A <!-- note --><?pi x?> &amp;<x> <![CDATA[B]]> <y/></x>\r\n\t</ErrorMessage><SenderID/>", StringComparison.Ordinal)),
        string.Format(null, Envelope, Response + "<env:Body><cor:Other><PayloadID>no</PayloadID></cor:Other></env:Body>"),
        string.Format(null, Envelope, "<env:Body><cor:Empty/><cor:Second><PayloadID>no</PayloadID></cor:Second></env:Body>"),
        string.Format(null, Envelope, "<env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>x:Busy"
            + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">try later</env:Text></env:Reason></env:Fault>"
            + "</env:Body>"),
        string.Format(null, Envelope, "<env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Detail><e>"
            + "<ErrorCode>UnAuthorized</ErrorCode></e></env:Detail></env:Fault></env:Body>"),
        string.Format(null, Envelope, "<env:Body/>"),
        string.Format(null, Envelope, "<Body><cor:X><PayloadID>wrong namespace</PayloadID></cor:X></Body>"),
        "<html><body>Gateway</body></html>",
        string.Format(null, Envelope, Response) + "<trailing/>",
        string.Format(null, Envelope, Response.Replace("</ErrorMessage>", "</ErrorMesage>", StringComparison.Ordinal)),
        "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>",
        "not xml at all",
        "",
    ];

    [Theory]
    [MemberData(nameof(Answers))]
    public void Read_FromTextOrBytes_IsWhatAWholeDocumentOfTheAnswerGives(string answer)
    {
        var expected = Outcome(() => ReferenceRead("PAYER-1", answer));

        Assert.Equal(expected, Outcome(() => CoreSoapCodec.Read("PAYER-1", answer)));
        Assert.Equal(expected, Outcome(() => CoreSoapCodec.Read("PAYER-1", new MemoryStream(Encoding.UTF8.GetBytes(answer)))));
    }

    [Fact]
    public void Read_BytesInTheEncodingTheXmlDeclares_ReadsTheText()
    {
        var answer = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + string.Format(null, Envelope, Response);

        var bytes = Encoding.GetEncoding(1251).GetBytes(answer.Replace("ÄÖ ", "", StringComparison.Ordinal));

        var message = CoreSoapCodec.Read("PAYER-1", new MemoryStream(bytes));

        Assert.Equal("ISA*00~]]> №", message.Payload);
        Assert.Equal("A & B", message.ErrorMessage);
    }

    private static string Outcome(Func<CoreMessage> read)
    {
        try
        {
            var m = read();
            return string.Join("|", m.PayloadType, m.ProcessingMode, m.PayloadId, m.TimeStamp.ToString("O", null), m.SenderId, m.ReceiverId,
                m.CoreRuleVersion, m.Payload, m.ErrorCode, m.ErrorMessage);
        }
        catch (CoreTransportException e)
        {
            return $"{e.CoreErrorCode}|{e.Reason?.Code}|{string.Join(",", e.Reason?.Args ?? [])}|{e.InnerException?.GetType().Name}";
        }
    }

    // How the codec read an answer before it read it in one pass: a whole XDocument of it.
    private static CoreMessage ReferenceRead(string payerId, string body)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new CoreTransportException(payerId, null, new PayerReason(PayerReasons.CoreNotXml, [payerId]), ex);
        }

        var content = document.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault()
            ?? throw new CoreTransportException(payerId, null, new PayerReason(PayerReasons.CoreNotSoap, [payerId]));
        if (content.Name == Soap + "Fault")
        {
            var faultCode = content.Element(Soap + "Code");
            var code = content.Descendants().FirstOrDefault(e => e.Name.LocalName == "ErrorCode")?.Value
                ?? faultCode?.Element(Soap + "Subcode")?.Element(Soap + "Value")?.Value
                ?? faultCode?.Element(Soap + "Value")?.Value
                ?? "Fault";
            var reason = content.Element(Soap + "Reason")?.Element(Soap + "Text")?.Value ?? "SOAP fault";
            throw new CoreTransportException(payerId, code, new PayerReason(PayerReasons.CoreSoapFault, [payerId, reason]));
        }

        return CoreMessage.FromFields(name => content.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "");
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
