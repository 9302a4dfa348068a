using System.Xml;
using System.Xml.Linq;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>Reads a SOAP 1.2 CORE envelope with a WS-Security UsernameToken header; DTDs are refused.</summary>
public static class SoapEnvelopeReader
{
    public const string SoapNamespace = "http://www.w3.org/2003/05/soap-envelope";
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>
    /// Parses <paramref name="body"/>; throws <see cref="XmlException"/> or <see cref="FormatException"/> when it is no SOAP 1.2 envelope.
    /// </summary>
    public static CoreEnvelope Read(byte[] body)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 20_000_000,
        };
        using var stream = new MemoryStream(body);
        using var reader = XmlReader.Create(stream, settings);
        var document = XDocument.Load(reader);
        XNamespace soap = SoapNamespace;
        XNamespace wsse = SecurityNamespace;
        var envelope = document.Root is { } root && root.Name == soap + "Envelope"
            ? root
            : throw new FormatException("The root element is not a SOAP 1.2 Envelope.");
        var request = envelope.Element(soap + "Body")?.Elements().FirstOrDefault()
            ?? throw new FormatException("The SOAP Body is empty.");
        var token = envelope.Element(soap + "Header")?.Element(wsse + "Security")?.Element(wsse + "UsernameToken");

        return new CoreEnvelope
        {
            IsSoap = true,
            PayloadType = Field(request, "PayloadType"),
            ProcessingMode = Field(request, "ProcessingMode"),
            PayloadId = Field(request, "PayloadID"),
            TimeStamp = Field(request, "TimeStamp"),
            SenderId = Field(request, "SenderID"),
            ReceiverId = Field(request, "ReceiverID"),
            CoreRuleVersion = Field(request, "CORERuleVersion"),
            Payload = Field(request, "Payload"),
            Username = token?.Element(wsse + "Username")?.Value,
            Password = token?.Element(wsse + "Password")?.Value,
        };
    }

    // CORE's XSD leaves the child elements unqualified; some senders qualify them, so match on the local name.
    private static string? Field(XElement request, string name) =>
        request.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value.Trim();
}
