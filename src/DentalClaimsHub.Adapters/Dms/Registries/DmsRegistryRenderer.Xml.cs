using System.Globalization;
using System.Xml;

namespace DentalClaimsHub.Adapters.Dms.Registries;

public static partial class DmsRegistryRenderer
{
    // <root><header facts…/><record><column…/></record>…<totals>…</totals></root>; empty values are left out.
    private static byte[] RenderXml(DmsRegistry registry, DmsRegistryLayout layout)
    {
        var names = layout.Xml ?? throw new ArgumentException("An XML registry layout needs its element names.", nameof(layout));
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = TextEncoding(layout), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(names.Root);
            foreach (var fact in names.Header)
            {
                xml.WriteElementString(fact.Title, HeaderValue(registry, fact.Field, layout));
            }

            for (var i = 0; i < registry.Lines.Count; i++)
            {
                xml.WriteStartElement(names.Record);
                foreach (var column in layout.Columns)
                {
                    var text = Text(Value(registry.Lines[i], i + 1, column.Field, layout), column.Field, layout);
                    if (text.Length > 0)
                    {
                        xml.WriteElementString(column.Title, text);
                    }
                }

                xml.WriteEndElement();
            }

            if (names.Totals is { } totals)
            {
                xml.WriteStartElement(totals);
                foreach (var column in layout.Columns)
                {
                    if (Total(registry, column.Field) is { } total)
                    {
                        xml.WriteElementString(column.Title, Text(total, column.Field, layout));
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string HeaderValue(DmsRegistry registry, string field, DmsRegistryLayout layout) => field switch
    {
        "number" => registry.Number,
        "version" => registry.Version.ToString(CultureInfo.InvariantCulture),
        "date" => Date(registry.Date, layout),
        "periodFrom" => Date(registry.PeriodFrom, layout),
        "periodTo" => Date(registry.PeriodTo, layout),
        "insurer" => registry.InsurerName,
        "clinic" => registry.ClinicName,
        "inn" => registry.ClinicInn,
        "lineCount" => registry.Lines.Count.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a registry header fact."),
    };
}
