using DentalClaimsHub.Cli;

namespace DentalClaimsHub.X12.Tests.Cli;

/// <summary>Runs <c>dch</c> in-process through its entry method, capturing what it prints.</summary>
internal static class DchHost
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DchCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
