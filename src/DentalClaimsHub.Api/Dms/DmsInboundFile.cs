using System.Text.Json;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Protection;

namespace DentalClaimsHub.Api.Dms;

/// <summary>A ДМС insurer's file as it crossed the border: kept raw in the message store, the unreadable ones too.</summary>
internal static class DmsInboundFile
{
    /// <summary>The inbound message for <paramref name="content"/>, typed by the file name's extension and encrypted at rest
    /// (insurers' files name insured people).</summary>
    public static StoredMessage Message(string transactionType, byte[] content, string fileName, DateTimeOffset now, string payerId,
        Guid? practiceId, IStoredFileProtector protector) =>
        StoredMessage.Create(MessageDirection.Inbound, "dms", transactionType, content, ContentType(fileName), now, payerId, practiceId)
            .ProtectContent(protector);

    /// <summary>Marks <paramref name="message"/> as a file the reader could not read, with its reason.</summary>
    public static void MarkUnreadable(StoredMessage message, string reason) =>
        message.MarkParsed(MessageParseStatus.Failed, JsonSerializer.Serialize(new[] { reason }));

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        ".csv" => "text/csv",
        ".xml" => "application/xml",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
