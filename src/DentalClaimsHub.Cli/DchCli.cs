using System.CommandLine;
using DentalClaimsHub.Cli.Rosters;
using DentalClaimsHub.Cli.X12;

namespace DentalClaimsHub.Cli;

/// <summary>The <c>dch</c> command line: entry point shared by <c>Program</c> and in-process tests.</summary>
public static class DchCli
{
    /// <summary>Exit code: the command succeeded and the input is valid.</summary>
    public const int Valid = 0;

    /// <summary>Exit code: the input was read but is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code: the input could not be read at all (missing file, not X12, bad JSON).</summary>
    public const int Unreadable = 2;

    /// <summary>Builds the command tree.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("DentalClaimsHub command line: X12 tools, ДМС roster import and operations.");
        root.Add(X12Commands.Create());
        root.Add(RosterCommands.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return CreateRootCommand().Parse(args).Invoke(configuration);
    }
}
