using System.Diagnostics;
using System.Reflection;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.X12.Tests.Cli;

/// <summary>
/// Runs <c>dch</c> in-process through its entry method <c>DchCli.Run(args, output, error)</c>. The test project does not
/// reference the CLI project (the shared csproj is not ours to edit), so the built <c>dch.dll</c> is loaded by path,
/// and built first when it is missing.
/// </summary>
internal static class DchHost
{
    private static readonly Lazy<MethodInfo> Entry = new(LoadEntry);

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = (int)Entry.Value.Invoke(null, [args, output, error])!;
        return (code, output.ToString(), error.ToString());
    }

    private static MethodInfo LoadEntry()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(RepositoryPaths.Root, "src", "DentalClaimsHub.Cli");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "dch.dll");
        if (!File.Exists(dll))
        {
            Build(Path.Combine(project, "DentalClaimsHub.Cli.csproj"), configuration);
        }

        var assembly = Assembly.LoadFrom(dll);
        return assembly.GetType("DentalClaimsHub.Cli.DchCli", throwOnError: true)!.GetMethod("Run")
            ?? throw new InvalidOperationException("DchCli.Run not found in dch.dll.");
    }

    private static void Build(string csproj, string configuration)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["build", csproj, "-c", configuration, "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building {csproj} failed:\n{log}");
        }
    }
}
