using System.Text;
using DentalClaimsHub.PayerSimulator.Hosting;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>Reads the HTTP MIME multipart (form-data) style of a CORE envelope.</summary>
public static class MimeEnvelopeReader
{
    /// <summary>Parses the form fields; throws <see cref="FormatException"/> when the body is not multipart.</summary>
    public static CoreEnvelope Read(string contentType, byte[] body)
    {
        var fields = ReadFields(contentType, body);
        return new CoreEnvelope
        {
            IsSoap = false,
            PayloadType = fields.GetValueOrDefault("PayloadType"),
            ProcessingMode = fields.GetValueOrDefault("ProcessingMode"),
            PayloadId = fields.GetValueOrDefault("PayloadID"),
            TimeStamp = fields.GetValueOrDefault("TimeStamp"),
            SenderId = fields.GetValueOrDefault("SenderID"),
            ReceiverId = fields.GetValueOrDefault("ReceiverID"),
            CoreRuleVersion = fields.GetValueOrDefault("CORERuleVersion"),
            Payload = fields.GetValueOrDefault("Payload"),
            Username = fields.GetValueOrDefault("UserName"),
            Password = fields.GetValueOrDefault("Password"),
        };
    }

    /// <summary>The parts of a multipart body by form name (text decoded as UTF-8); file parts keep their bytes as text too.</summary>
    public static Dictionary<string, string> ReadFields(string contentType, byte[] body) =>
        MultipartBody.ReadParts(contentType, body)
            .GroupBy(part => part.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Encoding.UTF8.GetString(group.First().Content), StringComparer.Ordinal);
}
