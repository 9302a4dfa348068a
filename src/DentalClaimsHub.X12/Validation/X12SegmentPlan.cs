using System.Runtime.CompilerServices;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// A segment layout prepared once for validation: its elements as an array, whether they come in position order
/// 1, 2, 3… (so the segment can be walked alongside), and the last required one (absent elements after it need no check).
/// </summary>
internal sealed class X12SegmentPlan
{
    private static readonly ConditionalWeakTable<X12SegmentSchema, X12SegmentPlan> Plans = [];

    private X12SegmentPlan(X12SegmentSchema schema)
    {
        Elements = [.. schema.Elements];
        InOrder = true;
        LastRequired = -1;
        for (var i = 0; i < Elements.Length; i++)
        {
            InOrder &= Elements[i].Position == i + 1;
            if (Elements[i].Usage == X12Usage.Required)
                LastRequired = i;
        }
    }

    /// <summary>The elements in schema order.</summary>
    public X12ElementSchema[] Elements { get; }

    /// <summary>True when element <c>i</c> of <see cref="Elements"/> is at position <c>i + 1</c>.</summary>
    public bool InOrder { get; }

    /// <summary>Index in <see cref="Elements"/> of the last required element; -1 when none is required.</summary>
    public int LastRequired { get; }

    /// <summary>The plan of <paramref name="schema"/>, built on first use.</summary>
    public static X12SegmentPlan For(X12SegmentSchema schema) => Plans.GetValue(schema, s => new X12SegmentPlan(s));
}
