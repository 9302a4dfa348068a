namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>The facts of a 270 request that the 271 answer echoes (005010X279A1).</summary>
public sealed record Eligibility270
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
    public required string TraceNumber { get; init; }
    public required string TraceOriginator { get; init; }
    public required string PayerName { get; init; }
    public required string PayerId { get; init; }
    public required string ProviderName { get; init; }
    public required string ProviderNpi { get; init; }
    public required string MemberLastName { get; init; }
    public required string MemberFirstName { get; init; }
    public required string MemberId { get; init; }
    public required string MemberBirthDate { get; init; }

    /// <summary>CDT codes asked in EQ02 (<c>AD:D1110</c>), in order; empty for a service-type inquiry.</summary>
    public IReadOnlyList<string> ProcedureCodes { get; init; } = [];

    /// <summary>Reads the fields; throws <see cref="FormatException"/> when the message is no 270.</summary>
    public static Eligibility270 From(X12Message message)
    {
        static string E(string[]? segment, int index) => X12Message.Element(segment, index);
        var isa = message.First("ISA");
        var gs = message.First("GS");
        var st = message.First("ST");
        if (E(st, 1) != "270")
        {
            throw new FormatException($"Expected a 270 transaction, found ST01 '{E(st, 1)}'.");
        }

        var trn = message.First("TRN") ?? throw new FormatException("The 270 has no TRN trace segment.");
        var payer = message.First("NM1", "PR");
        var provider = message.First("NM1", "1P");
        var member = message.First("NM1", "IL");
        return new Eligibility270
        {
            SenderQualifier = E(isa, 5), SenderId = E(isa, 6), ReceiverQualifier = E(isa, 7), ReceiverId = E(isa, 8),
            InterchangeControlNumber = E(isa, 13), UsageIndicator = E(isa, 15),
            ApplicationSender = E(gs, 2), ApplicationReceiver = E(gs, 3), GroupControlNumber = E(gs, 6),
            TransactionControlNumber = E(st, 2), Reference = E(message.First("BHT"), 3),
            TraceNumber = E(trn, 2), TraceOriginator = E(trn, 3),
            PayerName = E(payer, 3), PayerId = E(payer, 9),
            ProviderName = E(provider, 3), ProviderNpi = E(provider, 9),
            MemberLastName = E(member, 3), MemberFirstName = E(member, 4), MemberId = E(member, 9),
            MemberBirthDate = E(message.First("DMG", "D8"), 2),
            ProcedureCodes = [.. message.Segments
                .Where(segment => segment[0] == "EQ")
                .Select(segment => E(segment, 2).Split(message.ComponentSeparator))
                .Where(parts => parts is ["AD", { Length: > 0 }])
                .Select(parts => parts[1])],
        };
    }
}
