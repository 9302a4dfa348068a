using System.Net;
using System.Text;
using System.Xml.Linq;
using DentalClaimsHub.PayerSimulator.Hosting;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>Writes CORE responses in the style the request used: SOAP 1.2 or MIME multipart.</summary>
public static class CoreResponseWriter
{
    private const string CoreNamespace = "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd";

    /// <summary>A successful (or payload-level) response with <paramref name="fields"/> in CORE order.</summary>
    public static SimulatorResponse Success(
        CoreEnvelope request, string responseElement, IReadOnlyList<(string Name, string Value)> fields) =>
        request.IsSoap ? Soap(responseElement, fields) : Mime(200, fields);

    /// <summary>An envelope error: a SOAP 1.2 Sender fault or a MIME response, both HTTP 400, carrying the CORE error code.</summary>
    public static SimulatorResponse Error(bool soap, string code, string message)
    {
        if (!soap)
        {
            return Mime(400, [("ErrorCode", code), ("ErrorMessage", message)]);
        }

        XNamespace env = SoapEnvelopeReader.SoapNamespace;
        XNamespace cor = CoreNamespace;
        var fault = new XElement(env + "Fault",
            new XElement(env + "Code",
                new XElement(env + "Value", "env:Sender"),
                new XElement(env + "Subcode", new XElement(env + "Value", "cor:" + code))),
            new XElement(env + "Reason", new XElement(env + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), message)),
            new XElement(env + "Detail", new XElement(cor + "ErrorCode", code), new XElement(cor + "ErrorMessage", message)));
        return Envelope((int)HttpStatusCode.BadRequest, fault);
    }

    /// <summary>
    /// The payer failed on a well-formed request: a SOAP 1.2 Receiver fault (HTTP 500, no CORE subcode, as an application
    /// server's generic fault looks) or, for MIME, HTTP 500 with a CORE error code in the multipart fields.
    /// </summary>
    public static SimulatorResponse ReceiverFault(bool soap, string message)
    {
        if (!soap)
        {
            return Mime(500, [("ErrorCode", "ServerError"), ("ErrorMessage", message)]);
        }

        XNamespace env = SoapEnvelopeReader.SoapNamespace;
        var fault = new XElement(env + "Fault",
            new XElement(env + "Code", new XElement(env + "Value", "env:Receiver")),
            new XElement(env + "Reason", new XElement(env + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), message)));
        return Envelope((int)HttpStatusCode.InternalServerError, fault);
    }

    private static SimulatorResponse Soap(string responseElement, IReadOnlyList<(string Name, string Value)> fields)
    {
        XNamespace cor = CoreNamespace;
        var response = new XElement(cor + responseElement, fields.Select(field => new XElement(field.Name, field.Value)));
        return Envelope(200, response);
    }

    private static SimulatorResponse Envelope(int status, XElement content)
    {
        XNamespace env = SoapEnvelopeReader.SoapNamespace;
        var document = new XDocument(new XElement(env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "env", env.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cor", CoreNamespace),
            new XElement(env + "Header"),
            new XElement(env + "Body", content)));
        return SimulatorResponse.Text(status, "application/soap+xml; charset=utf-8", document.ToString(SaveOptions.DisableFormatting));
    }

    private static SimulatorResponse Mime(int status, IReadOnlyList<(string Name, string Value)> fields)
    {
        const string Boundary = "core-simulator-boundary";
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append("--").Append(Boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n")
                .Append(value).Append("\r\n");
        }

        body.Append("--").Append(Boundary).Append("--\r\n");
        return SimulatorResponse.Text(status, $"multipart/form-data; boundary={Boundary}", body.ToString());
    }
}
