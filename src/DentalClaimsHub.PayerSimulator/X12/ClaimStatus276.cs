namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>One claim asked about in a 276 (a 2200D/2200E loop): what the 277 echoes and what the ledger is searched by.</summary>
/// <param name="TraceNumber">TRN02 of the TRN*1, returned as TRN*2.</param>
/// <param name="PatientControlNumber">REF*EJ (our CLM01), empty when not sent.</param>
/// <param name="PayerClaimNumber">REF*1K, empty when not sent.</param>
/// <param name="ServiceDate">The DTP*472 segment's elements, echoed as sent; null when absent.</param>
public sealed record ClaimStatus276Claim(string TraceNumber, string PatientControlNumber, string PayerClaimNumber, string[]? ServiceDate);

/// <summary>
/// The facts of a 276 (005010X212) the 277 answer echoes: the envelope, the party levels (HL with their NM1 and DMG) in
/// order, and the claims asked about, each placed after the level it belongs to.
/// </summary>
public sealed record ClaimStatus276
{
    public required string SenderQualifier { get; init; }
    public required string SenderId { get; init; }
    public required string ReceiverQualifier { get; init; }
    public required string ReceiverId { get; init; }
    public required string InterchangeControlNumber { get; init; }
    public required string UsageIndicator { get; init; }
    public required string ApplicationSender { get; init; }
    public required string ApplicationReceiver { get; init; }
    public required string GroupControlNumber { get; init; }
    public required string TransactionControlNumber { get; init; }
    public required string Reference { get; init; }

    /// <summary>NM1*IL NM109, used to pick a scenario by member-id prefix.</summary>
    public required string MemberId { get; init; }

    /// <summary>The body in order: party segments (HL, NM1, DMG) to echo, and claims where their TRN*1 stood.</summary>
    public required IReadOnlyList<object> Body { get; init; }

    public IEnumerable<ClaimStatus276Claim> Claims => Body.OfType<ClaimStatus276Claim>();

    /// <summary>Reads the fields; throws <see cref="FormatException"/> when the message is no 276 or asks about no claim.</summary>
    public static ClaimStatus276 From(X12Message message)
    {
        static string E(string[]? segment, int index) => X12Message.Element(segment, index);
        var isa = message.First("ISA");
        var gs = message.First("GS");
        var st = message.First("ST");
        if (E(st, 1) != "276")
        {
            throw new FormatException($"Expected a 276 transaction, found ST01 '{E(st, 1)}'.");
        }

        var body = new List<object>();
        string[]? trn = null;
        string pcn = "", payerClaim = "";
        string[]? dtp = null;
        var inLine = false;
        void Close()
        {
            if (trn is not null)
            {
                body.Add(new ClaimStatus276Claim(E(trn, 2), pcn, payerClaim, dtp));
            }

            (trn, pcn, payerClaim, dtp, inLine) = (null, "", "", null, false);
        }

        foreach (var segment in message.Segments.SkipWhile(s => s[0] != "BHT").Skip(1).TakeWhile(s => s[0] != "SE"))
        {
            switch (segment[0])
            {
                case "HL" or "NM1" or "DMG":
                    Close();
                    body.Add(segment);
                    break;
                case "TRN":
                    Close();
                    trn = segment;
                    break;
                case "SVC":
                    inLine = true; // 2210D/2210E service lines are not answered line by line
                    break;
                case "REF" when trn is not null && !inLine && E(segment, 1) == "EJ":
                    pcn = E(segment, 2);
                    break;
                case "REF" when trn is not null && !inLine && E(segment, 1) == "1K":
                    payerClaim = E(segment, 2);
                    break;
                case "DTP" when trn is not null && !inLine && E(segment, 1) == "472":
                    dtp = segment;
                    break;
            }
        }

        Close();
        if (!body.OfType<ClaimStatus276Claim>().Any())
        {
            throw new FormatException("The 276 asks about no claim (no TRN*1).");
        }

        return new ClaimStatus276
        {
            SenderQualifier = E(isa, 5), SenderId = E(isa, 6), ReceiverQualifier = E(isa, 7), ReceiverId = E(isa, 8),
            InterchangeControlNumber = E(isa, 13), UsageIndicator = E(isa, 15),
            ApplicationSender = E(gs, 2), ApplicationReceiver = E(gs, 3), GroupControlNumber = E(gs, 6),
            TransactionControlNumber = E(st, 2), Reference = E(message.First("BHT"), 3),
            MemberId = E(message.First("NM1", "IL"), 9),
            Body = body,
        };
    }
}
