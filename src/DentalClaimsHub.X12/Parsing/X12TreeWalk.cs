namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// Depth-first, document-order walks of a loop tree with one explicit stack, instead of one nested enumerator per level
/// (which costs an allocation per loop and a hop per level for every item).
/// </summary>
internal static class X12TreeWalk
{
    // A walk's stack holds two entries per level open: eight cover a 271 (four levels deep), which is walked several times
    // per check; deeper guides grow it. Sixteen were mostly unused.
    private const int StackCapacity = 8;

    /// <summary>Every loop below <paramref name="root"/> (not the root itself), parents before their children.</summary>
    public static IEnumerable<X12Loop> Loops(X12Loop root)
    {
        var stack = new Stack<(X12Loop Loop, int Next)>(StackCapacity);
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (loop, next) = stack.Pop();
            for (var i = next; i < loop.Count; i++)
            {
                if (loop.LoopAt(i) is { } child)
                {
                    stack.Push((loop, i + 1));
                    stack.Push((child, 0));
                    yield return child;
                    break;
                }
            }
        }
    }

    /// <summary>The same loops as <see cref="Loops"/>, collected into a list by a plain recursive walk.</summary>
    public static List<X12Loop> AllLoops(X12Loop root)
    {
        var loops = new List<X12Loop>();
        Collect(root, loops);
        return loops;
    }

    private static void Collect(X12Loop loop, List<X12Loop> loops)
    {
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.LoopAt(i) is { } child)
            {
                loops.Add(child);
                Collect(child, loops);
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="into"/> (cleared first) with the loops below <paramref name="root"/> whose id is
    /// <paramref name="id"/>, in the order of <see cref="X12Loop.Loops"/>; lets a caller reuse one list for many loops.
    /// </summary>
    public static List<X12Loop> LoopsWithId(X12Loop root, string id, List<X12Loop> into)
    {
        into.Clear();
        CollectWithId(root, id, into);
        return into;
    }

    private static void CollectWithId(X12Loop loop, string id, List<X12Loop> into)
    {
        for (var i = 0; i < loop.Count; i++)
        {
            if (loop.LoopAt(i) is { } child)
            {
                if (child.Id == id)
                    into.Add(child);
                CollectWithId(child, id, into);
            }
        }
    }

    /// <summary>Every segment of <paramref name="root"/> and of the loops below it, in document order.</summary>
    public static IEnumerable<X12ParsedSegment> Segments(X12Loop root)
    {
        var stack = new Stack<(X12Loop Loop, int Next)>(StackCapacity);
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (loop, next) = stack.Pop();
            for (var i = next; i < loop.Count; i++)
            {
                if (loop.LoopAt(i) is not { } child)
                {
                    yield return (X12ParsedSegment)loop.NodeAt(i);
                }
                else
                {
                    stack.Push((loop, i + 1));
                    stack.Push((child, 0));
                    break;
                }
            }
        }
    }
}
