using YamlDotNet.Core;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>Collects the errors of one file so that a single pass reports all of them.</summary>
internal sealed class ProfileErrorSink(string file)
{
    private readonly List<PayerProfileError> errors = [];

    public string File { get; } = file;

    public IReadOnlyList<PayerProfileError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Add(Mark at, string field, string message) =>
        errors.Add(new PayerProfileError(File, (int)at.Line, (int)at.Column, field, message));

    public void AddForFile(string field, string message) =>
        errors.Add(new PayerProfileError(File, 0, 0, field, message));
}
