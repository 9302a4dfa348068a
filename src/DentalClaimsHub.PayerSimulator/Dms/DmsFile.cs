namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>A file an insurer received from the hub (a registry, a roster reply, a guarantee-letter request).</summary>
/// <param name="Id">Receipt id the simulator answered with.</param>
/// <param name="FileName">The uploaded file name.</param>
/// <param name="ContentType">The part's content type.</param>
/// <param name="Content">The bytes as received (encoding untouched: ДМС files are often windows-1251).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record DmsFile(string Id, string FileName, string ContentType, byte[] Content, string Sha256, DateTimeOffset ReceivedAt);
