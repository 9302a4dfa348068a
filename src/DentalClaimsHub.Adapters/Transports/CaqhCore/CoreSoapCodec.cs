using System.Xml;
using System.Xml.Linq;

namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>SOAP 1.2 with a WS-Security UsernameToken, as CORE connectivity prescribes.</summary>
public static class CoreSoapCodec
{
    public const string MediaType = "application/soap+xml";
    private static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static readonly XNamespace Core = "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd";
    private const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    public static string Write(CoreMessage message, string username, string password)
    {
        var element = message.ProcessingMode == CoreMessage.Batch ? "COREEnvelopeBatchSubmission" : "COREEnvelopeRealTimeRequest";
        var document = new XDocument(new XElement(Soap + "Envelope",
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
                    : new XElement(f.Name, f.Value))))));
        return document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Reads a CORE response envelope; a SOAP fault or anything else becomes a <see cref="CoreTransportException"/>.</summary>
    public static CoreMessage Read(string payerId, string body)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64_000_000 });
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
            // A fault is the payer's answer, never "unreachable": without a CORE code the SOAP code (env:Receiver…) stands in.
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
}
