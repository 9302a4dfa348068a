using System.Globalization;
using System.Text.Json;
using DentalClaimsHub.Api.AdminConsole.X12View;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The X12 schemas' names in Russian (<c>schemas/x12/names/ru.json</c>): every segment, element, component and loop name
/// of every schema file has words, the file holds nothing no schema uses, and the lookup follows the UI culture.
/// </summary>
public sealed class X12SchemaNamesTests : IDisposable
{
    private static readonly string SchemasDirectory = X12SchemaRegistry.FindSchemasDirectory()!;
    private static readonly X12SchemaNames Names = X12SchemaNames.Load(SchemasDirectory);
    private static readonly X12NameTranslations Russian = Names.For("ru")!;
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    /// <summary>Every name of every schema file by kind, with the first place that uses it (<c>005010X224A2.837 CLM05-1</c>).</summary>
    private static Dictionary<string, Dictionary<string, string>> SchemaNames()
    {
        var names = new Dictionary<string, Dictionary<string, string>>
        {
            ["segment"] = new(StringComparer.Ordinal), ["element"] = new(StringComparer.Ordinal), ["loop"] = new(StringComparer.Ordinal),
        };
        foreach (var file in Directory.EnumerateFiles(SchemasDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var schema = X12SchemaLoader.LoadFile(file);
            var at = Path.GetFileNameWithoutExtension(file);
            foreach (var segment in schema.Segments.Values)
            {
                names["segment"].TryAdd(segment.Name, $"{at} {segment.Id}");
                foreach (var element in segment.Elements)
                {
                    names["element"].TryAdd(element.Name, $"{at} {segment.Id}{element.Position:00}");
                    foreach (var component in element.Components)
                        names["element"].TryAdd(component.Name, $"{at} {segment.Id}{element.Position:00}-{component.Position}");
                }
            }

            foreach (var loop in schema.Root.DescendantsAndSelf())
                names["loop"].TryAdd(loop.Name, $"{at} {loop.Id}");
        }

        return names;
    }

    private static IReadOnlyDictionary<string, string> Translated(string kind) => kind switch
    {
        "segment" => Russian.Segments,
        "element" => Russian.Elements,
        _ => Russian.Loops,
    };

    [Fact]
    public void Russian_names_cover_every_segment_element_and_loop_of_every_schema()
    {
        var missing = SchemaNames().SelectMany(kind => kind.Value.Where(name => !Translated(kind.Key).ContainsKey(name.Key))
            .Select(name => $"{kind.Key} '{name.Key}' ({name.Value})")).ToList();

        Assert.True(missing.Count == 0, "No Russian for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Russian_names_hold_no_name_that_no_schema_uses()
    {
        var used = SchemaNames();

        var unused = used.Keys.SelectMany(kind => Translated(kind).Keys.Where(name => !used[kind].ContainsKey(name))
            .Select(name => $"{kind} '{name}'")).ToList();

        Assert.True(unused.Count == 0, "No schema uses:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void The_names_file_is_formatted_like_the_schemas()
    {
        var path = Path.Combine(SchemasDirectory, X12SchemaNames.Folder, "ru.json");
        var text = File.ReadAllText(path);

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"elements\": {\n    \"", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var kinds = json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).Select(p => p.Value);
        foreach (var map in kinds.Prepend(json.RootElement))
        {
            var keys = map.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        }
    }

    [Fact]
    public void Names_follow_the_UI_culture_and_fall_back_to_the_guides_English()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        Assert.Equal("Денежная сумма", Names.Element("Monetary Amount"));
        Assert.Equal("Код типа (частоты) заявки", Names.Element("Claim Frequency Type Code"));
        Assert.Equal("Имя застрахованного (подписчика)", Names.Loop("Subscriber Name"));
        Assert.Equal("Сведения о заявке", Names.Segment("Claim Information"));
        Assert.Equal("Some Future Element", Names.Element("Some Future Element"));
        Assert.Null(Names.Element(null));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Assert.Equal("Monetary Amount", Names.Element("Monetary Amount"));
        Assert.Equal("Subscriber Name", Names.Loop("Subscriber Name"));
    }

    [Fact]
    public void Load_without_a_names_folder_reads_everything_in_English()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        using var folder = new TempFolder();

        var names = X12SchemaNames.Load(folder.Path);

        Assert.Null(names.For("ru"));
        Assert.Equal("Monetary Amount", names.Element("Monetary Amount"));
    }

    [Theory]
    [InlineData("""{"elements":{},"format":"other/1","language":"ru","loops":{},"segments":{}}""", "format")]
    [InlineData("""{"elements":{},"format":"dch-x12-names/1","language":"de","loops":{},"segments":{}}""", "language")]
    [InlineData("""{"elements":{"Date":" "},"format":"dch-x12-names/1","language":"ru","loops":{},"segments":{}}""", "'Date' has no words")]
    [InlineData("""{"elements":{},"format":"dch-x12-names/1","language":"ru","segments":{}}""", "'loops'")]
    [InlineData("""{"codes":{},"elements":{},"format":"dch-x12-names/1","language":"ru","loops":{},"segments":{}}""", "property 'codes'")]
    public void Load_a_broken_names_file_says_which_and_why(string json, string why)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, X12SchemaNames.Folder));
        File.WriteAllText(Path.Combine(folder.Path, X12SchemaNames.Folder, "ru.json"), json);

        var ex = Assert.Throws<InvalidDataException>(() => X12SchemaNames.Load(folder.Path));

        Assert.Contains("ru.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _culture;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dch-x12-names-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
