namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// Why a claim changed state: the English sentence kept on the timeline (searchable, what the API returns), and, when the
/// hub produced it from a message it understood, a <see cref="Code"/> naming the kind of event ("999", "277CA", "835"…) with
/// its <see cref="Args"/> (control numbers, status and adjustment codes, invariant amounts) so a reader can word it in
/// another language. A reason typed by a person or said by a payer in free text has no code.
/// </summary>
public sealed record TimelineReason(string Text, string? Code = null, IReadOnlyList<string>? Args = null)
{
    public IReadOnlyList<string> Args { get; init; } = Args ?? [];

    public static implicit operator TimelineReason(string text) => new(text);
}
