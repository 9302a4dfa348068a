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
        if (IsStale(dll, project))
        {
            Build(Path.Combine(project, "DentalClaimsHub.Cli.csproj"), configuration);
        }

        var assembly = Assembly.LoadFrom(dll);
        return assembly.GetType("DentalClaimsHub.Cli.DchCli", throwOnError: true)!.GetMethod("Run")
            ?? throw new InvalidOperationException("DchCli.Run not found in dch.dll.");
    }

    // The X12 library itself comes from this test run (already loaded); only the CLI's own sources can make dch.dll stale.
    private static bool IsStale(string dll, string project) =>
        !File.Exists(dll) || Directory.EnumerateFiles(project, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > File.GetLastWriteTimeUtc(dll));

    private static void Build(string csproj, string configuration)
    {
        // Other projects the CLI references may be mid-edit by someone else: fall back to their last build.
        if (!TryBuild(csproj, configuration, "-p:BuildProjectReferences=true", out var log)
            && !TryBuild(csproj, configuration, "-p:BuildProjectReferences=false", out log))
        {
            throw new InvalidOperationException($"Building {csproj} failed:\n{log}");
        }
    }

    private static bool TryBuild(string csproj, string configuration, string property, out string log)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["build", csproj, "-c", configuration, "-v", "q", property])
        {
            RedirectStandardOutput = true,
        })!;
        log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
