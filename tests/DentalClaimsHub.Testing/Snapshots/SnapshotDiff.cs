using System.Text;

namespace DentalClaimsHub.Testing.Snapshots;

/// <summary>A small line-based unified diff (longest common subsequence) for readable snapshot failures.</summary>
public static class SnapshotDiff
{
    private const int Context = 3;
    private const long MaxCells = 16_000_000;

    /// <summary>Renders the difference from <paramref name="expected"/> to <paramref name="actual"/>.</summary>
    public static string Unified(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        if ((long)a.Length * b.Length > MaxCells)
            return FirstDifference(a, b);

        var ops = Operations(a, b);
        var output = new StringBuilder().Append("--- verified\n+++ received\n");
        var index = 0;
        while (index < ops.Count)
        {
            if (ops[index].Kind == ' ') { index++; continue; }
            var start = Math.Max(0, index - Context);
            var end = index;
            // Extend the hunk while changes are closer than two context windows.
            while (end < ops.Count)
            {
                var nextChange = ops.FindIndex(end, o => o.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context) break;
                end = ops.FindIndex(nextChange, o => o.Kind == ' ') is var same && same < 0 ? ops.Count : same;
            }

            var stop = Math.Min(ops.Count, end + Context);
            var first = ops[start];
            output.Append($"@@ -{first.OldLine + 1} +{first.NewLine + 1} @@\n");
            for (var i = start; i < stop; i++) output.Append(ops[i].Kind).Append(ops[i].Text).Append('\n');
            index = stop;
        }

        return output.ToString();
    }

    private static List<(char Kind, string Text, int OldLine, int NewLine)> Operations(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var ops = new List<(char, string, int, int)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { ops.Add((' ', a[x], x, y)); x++; y++; }
            // Removals before additions, as diff tools show a changed line.
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', a[x], x, y)); x++; }
            else { ops.Add(('+', b[y], x, y)); y++; }
        }

        return ops;
    }

    private static string FirstDifference(string[] a, string[] b)
    {
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line]) line++;
        var expected = line < a.Length ? a[line] : "<end of file>";
        var actual = line < b.Length ? b[line] : "<end of file>";
        return $"first difference at line {line + 1}:\n-{expected}\n+{actual}\n";
    }
}
