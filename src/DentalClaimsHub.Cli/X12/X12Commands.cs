using System.CommandLine;

namespace DentalClaimsHub.Cli.X12;

/// <summary><c>dch x12 validate | to-json | from-json</c>.</summary>
internal static class X12Commands
{
    public static Command Create()
    {
        var x12 = new Command("x12", "Validate X12 files, build acknowledgments, convert X12 to and from JSON.");
        x12.Add(ValidateCommand.Create());
        x12.Add(ConvertCommands.CreateToJson());
        x12.Add(ConvertCommands.CreateFromJson());
        return x12;
    }

    public static Argument<FileInfo> FileArgument(string description) => new("FILE") { Description = description };

    /// <summary>False, after saying so on <paramref name="error"/>, when the input file does not exist.</summary>
    public static bool Exists(FileInfo path, TextWriter error)
    {
        if (path.Exists)
        {
            return true;
        }

        error.WriteLine($"error: file not found: {path.FullName}");
        return false;
    }

    public static Option<DirectoryInfo?> SchemasOption() =>
        new("--schemas") { Description = "Folder of X12 schemas (default: schemas/x12 found above the current or program folder)." };
}
