using System.Buffers;
using System.Text;
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

    /// <summary>
    /// The request envelope as text, written directly (an <c>XDocument</c> and its writer were a tenth of what an eligibility
    /// check allocated): text escaped as an XML writer escapes it, the payload in CDATA (split where it holds <c>]]&gt;</c>),
    /// and characters XML cannot carry refused.
    /// </summary>
    public static string Write(CoreMessage message, string username, string password)
    {
        var xml = Envelope(message, username, password);
        try
        {
            return xml.ToString();
        }
        finally
        {
            Builders.Return(xml);
        }
    }

    /// <summary>
    /// <see cref="Write"/> as the UTF-8 bytes that are sent: the text is built in a builder kept per thread and encoded
    /// once. Building a string first, then its bytes, cost a builder, the string and the bytes: about 7.6 KB per
    /// real-time check for an envelope of 1.4 KB.
    /// </summary>
    public static byte[] WriteUtf8(CoreMessage message, string username, string password)
    {
        var xml = Envelope(message, username, password);
        var chars = ArrayPool<char>.Shared.Rent(xml.Length);
        try
        {
            xml.CopyTo(0, chars, xml.Length);
            return Encoding.UTF8.GetBytes(chars, 0, xml.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            Builders.Return(xml);
        }
    }

    private static StringBuilder Envelope(CoreMessage message, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(message);
        var element = message.ProcessingMode == CoreMessage.Batch ? "COREEnvelopeBatchSubmission" : "COREEnvelopeRealTimeRequest";
        var xml = Builders.Take(message.Payload.Length + 1024);
        try
        {
            xml.Append("<soapenv:Envelope xmlns:soapenv=\"").Append(Soap.NamespaceName).Append("\" xmlns:cor=\"").Append(Core.NamespaceName)
                .Append("\"><soapenv:Header><wsse:Security xmlns:wsse=\"").Append(Wsse.NamespaceName).Append("\"><wsse:UsernameToken>");
            Text(xml.Append("<wsse:Username>"), username).Append("</wsse:Username>");
            Text(xml.Append("<wsse:Password Type=\"").Append(PasswordText).Append("\">"), password).Append("</wsse:Password>");
            xml.Append("</wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body><cor:").Append(element).Append('>');
            foreach (var (name, value) in message.Fields())
            {
                xml.Append('<').Append(name).Append('>');
                if (name == "Payload")
                {
                    CData(xml, value);
                }
                else
                {
                    Text(xml, value);
                }

                xml.Append("</").Append(name).Append('>');
            }

            return xml.Append("</cor:").Append(element).Append("></soapenv:Body></soapenv:Envelope>");
        }
        catch
        {
            Builders.Return(xml);
            throw;
        }
    }

    private static StringBuilder Text(StringBuilder xml, string value)
    {
        XmlConvert.VerifyXmlChars(value);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                '\r' => xml.Append("&#xD;"),
                _ => xml.Append(c),
            };
        }

        return xml;
    }

    private static void CData(StringBuilder xml, string value)
    {
        XmlConvert.VerifyXmlChars(value);
        xml.Append("<![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]>");
    }

    private static readonly XmlReaderSettings ReaderSettings =
        new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64_000_000 };

    /// <summary>Reads a CORE response envelope; a SOAP fault or anything else becomes a <see cref="CoreTransportException"/>.</summary>
    public static CoreMessage Read(string payerId, string body) => Read(payerId, XmlReader.Create(new StringReader(body), ReaderSettings));

    /// <summary>
    /// Reads a CORE response envelope from its bytes (the encoding as the XML declares it, else UTF-8): as
    /// <see cref="Read(string, string)"/> without the whole answer as text first.
    /// </summary>
    public static CoreMessage Read(string payerId, Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return Read(payerId, XmlReader.Create(body, ThreadSettings()));
        }
        finally
        {
            if (++_threadReads >= NameTableReads || !body.CanSeek || body.Length > NameTableMaxAnswer)
            {
                (_threadSettings, _threadReads) = (null, 0);
            }
        }
    }

    // The names a reader looks up (elements, prefixes, namespaces) go in a table kept per thread and reused from answer to
    // answer: a new table per answer was 2 KB of what a real-time check allocated. An answer can hold any names, so a table
    // is dropped after an answer larger than 64 KB (or of unknown size), and after 1,000 answers in any case.
    private const int NameTableReads = 1000;
    private const int NameTableMaxAnswer = 64 * 1024;

    [ThreadStatic]
    private static XmlReaderSettings? _threadSettings;

    [ThreadStatic]
    private static int _threadReads;

    private static XmlReaderSettings ThreadSettings()
    {
        if (_threadSettings is null)
        {
            var settings = ReaderSettings.Clone();
            settings.NameTable = new NameTable();
            _threadSettings = settings;
        }

        return _threadSettings;
    }

    // An element's text as XElement.Value gives it (every text, CDATA and whitespace node under it, in order), without
    // building the element: a CORE field is one text node, and an XElement per field was a sixth of reading the answer.
    // Leaves the reader on the element's end (or on the element itself when it is empty).
    private static string TextOf(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (first is null)
                {
                    first = reader.Value;
                }
                else
                {
                    (more ??= new StringBuilder(first)).Append(reader.Value);
                }
            }
        }

        return more?.ToString() ?? first ?? "";
    }

    // One pass over the envelope, keeping only the first element of the first soap:Body (the CORE response, its fields as
    // text) or its soap:Fault: a document of the whole answer was a twelfth of what an eligibility check allocated. The rest
    // is read too, so an answer that is not well-formed XML anywhere is refused as before.
    private static CoreMessage Read(string payerId, XmlReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        XElement? fault = null;
        bool bodySeen = false, contentSeen = false, inBody = false, inContent = false;
        try
        {
            using (reader)
            {
                // XNode.ReadFrom leaves the reader on the node after the element it read: that node is not skipped.
                var positioned = false;
                while (positioned ? !reader.EOF : reader.Read())
                {
                    positioned = false;
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    switch (reader.Depth)
                    {
                        case 1:
                            inBody = !bodySeen && reader.LocalName == "Body" && reader.NamespaceURI == Soap.NamespaceName;
                            bodySeen |= inBody;
                            inContent = false;
                            break;
                        case 2:
                            inContent = inBody && !contentSeen;
                            contentSeen |= inBody;
                            if (inContent && reader.LocalName == "Fault" && reader.NamespaceURI == Soap.NamespaceName)
                            {
                                fault = (XElement)XNode.ReadFrom(reader);
                                positioned = true;
                                inContent = false;
                            }

                            break;
                        case 3 when inContent:
                            var name = reader.LocalName;
                            fields.TryAdd(name, TextOf(reader));
                            break;
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            throw new CoreTransportException(payerId, null, new PayerReason(PayerReasons.CoreNotXml, [payerId]), ex);
        }

        if (fault is not null)
        {
            // A fault is the payer's answer, never "unreachable": without a CORE code the SOAP code (env:Receiver…) stands in.
            var faultCode = fault.Element(Soap + "Code");
            var code = fault.Descendants().FirstOrDefault(e => e.Name.LocalName == "ErrorCode")?.Value
                ?? faultCode?.Element(Soap + "Subcode")?.Element(Soap + "Value")?.Value
                ?? faultCode?.Element(Soap + "Value")?.Value
                ?? "Fault";
            var reason = fault.Element(Soap + "Reason")?.Element(Soap + "Text")?.Value ?? "SOAP fault";
            throw new CoreTransportException(payerId, code, new PayerReason(PayerReasons.CoreSoapFault, [payerId, reason]));
        }

        return contentSeen
            ? CoreMessage.FromFields(name => fields.GetValueOrDefault(name, ""))
            : throw new CoreTransportException(payerId, null, new PayerReason(PayerReasons.CoreNotSoap, [payerId]));
    }
}
