using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>
/// Wraps YamlDotNet's parser and remembers where the last well-formed event ended, so an error thrown without a
/// position (YamlDotNet raises <see cref="InvalidOperationException"/> for some malformed scalars) still points at a line.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    public Mark LastGoodPosition { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGoodPosition = current.End;
        }

        return inner.MoveNext();
    }
}
