namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>One problem found while loading payer profiles, pinned to a file position and a field.</summary>
/// <param name="File">Path of the YAML file.</param>
/// <param name="Line">1-based line (0 when the problem concerns the whole file).</param>
/// <param name="Column">1-based column (0 when the problem concerns the whole file).</param>
/// <param name="Field">Dotted path of the field, e.g. <c>x12.identifiers.senderId</c>; empty for parse errors.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record PayerProfileError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>Renders <c>file:line:column: field: message</c>, the shape editors and CI logs link to.</summary>
    public override string ToString()
    {
        var field = Field.Length == 0 ? string.Empty : $"{Field}: ";
        return $"{File}:{Line}:{Column}: {field}{Message}";
    }
}
