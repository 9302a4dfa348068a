using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

/// <summary>Builds CORE connectivity requests the way a hub transport would (SOAP 1.2 + WS-Security, or MIME multipart).</summary>
internal static class CoreRequests
{
    private static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static readonly XNamespace Cor = "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd";

    public static Dictionary<string, string> Fields(
        string payload, string payloadType = "X12_270_Request_005010X279A1", string mode = "RealTime") => new()
    {
        ["PayloadType"] = payloadType,
        ["ProcessingMode"] = mode,
        ["PayloadID"] = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        ["TimeStamp"] = "2026-03-15T10:30:00Z",
        ["SenderID"] = "DCHUB",
        ["ReceiverID"] = "DEMODENTAL",
        ["CORERuleVersion"] = "2.2.0",
        ["Payload"] = payload,
    };

    public static HttpContent SoapEnvelope(
        IReadOnlyDictionary<string, string> fields, bool withToken = true, string element = "COREEnvelopeRealTimeRequest")
    {
        var header = new XElement(Soap + "Header");
        if (withToken)
        {
            header.Add(new XElement(Wsse + "Security",
                new XElement(Wsse + "UsernameToken",
                    new XElement(Wsse + "Username", "demo-user"),
                    new XElement(Wsse + "Password", "demo-pass"))));
        }

        var body = new XElement(Cor + element, fields.Select(field => new XElement(field.Key, field.Value)));
        var document = new XDocument(new XElement(Soap + "Envelope", header, new XElement(Soap + "Body", body)));
        return new StringContent(document.ToString(), Encoding.UTF8, "application/soap+xml");
    }

    public static HttpContent Mime(IReadOnlyDictionary<string, string> fields, bool withCredentials = true)
    {
        var content = new MultipartFormDataContent("test-boundary-270");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (withCredentials)
        {
            content.Add(new StringContent("demo-user"), "UserName");
            content.Add(new StringContent("demo-pass"), "Password");
        }

        return content;
    }

    /// <summary>Reads the named form fields of a multipart response.</summary>
    public static async Task<Dictionary<string, string>> ReadMimeFields(HttpResponseMessage response)
    {
        var boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var text = await response.Content.ReadAsStringAsync();
        return text.Split("--" + boundary)
            .Select(part => part.Trim('\r', '\n'))
            .Where(part => part.StartsWith("Content-Disposition", StringComparison.Ordinal))
            .Select(part => part.Split("\r\n\r\n", 2))
            .ToDictionary(
                pair => pair[0].Split("name=\"")[1].Split('"')[0],
                pair => pair[1].TrimEnd('\r', '\n'));
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
