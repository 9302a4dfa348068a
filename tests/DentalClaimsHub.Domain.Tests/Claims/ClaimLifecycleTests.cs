using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimLifecycleTests
{
    [Theory]
    [MemberData(nameof(ClaimTransitionTable.LegalTransitions), MemberType = typeof(ClaimTransitionTable))]
    public void Transition_Legal_ChangesStateAndAppendsTimeline(ClaimState from, ClaimState to)
    {
        var claim = ClaimFixture.InState(from);
        var entries = claim.Timeline.Count;

        ClaimFixture.Apply(claim, to);

        Assert.Equal(to, claim.State);
        Assert.Equal(entries + 1, claim.Timeline.Count);
        var last = claim.Timeline[^1];
        Assert.Equal(from, last.From);
        Assert.Equal(to, last.To);
        Assert.Equal(ClaimFixture.Actor, last.Actor);
        Assert.Equal(ClaimFixture.Now.ToUniversalTime(), last.At);
        Assert.Equal(TimeSpan.Zero, last.At.Offset);
        Assert.Equal(entries + 1, last.Sequence);
    }

    [Theory]
    [MemberData(nameof(ClaimTransitionTable.IllegalTransitions), MemberType = typeof(ClaimTransitionTable))]
    public void Transition_Illegal_ThrowsAndLeavesClaimUnchanged(ClaimState from, ClaimState to)
    {
        var claim = ClaimFixture.InState(from);
        var entries = claim.Timeline.Count;

        var ex = Assert.Throws<InvalidClaimTransitionException>(() => ClaimFixture.Apply(claim, to));

        Assert.Equal(from, ex.From);
        Assert.Equal(to, ex.To);
        Assert.Equal(from, claim.State);
        Assert.Equal(entries, claim.Timeline.Count);
    }

    [Fact]
    public void ClaimTransitions_Table_MatchesLegalList()
    {
        var expected = ClaimTransitionTable.LegalTransitions.Select(row => ((ClaimState)row[0], (ClaimState)row[1])).ToHashSet();
        var actual = Enum.GetValues<ClaimState>()
            .SelectMany(from => ClaimTransitions.From(from).Select(to => (from, to)))
            .ToHashSet();

        Assert.Equal(expected.OrderBy(t => t).ToList(), actual.OrderBy(t => t).ToList());
    }

    [Fact]
    public void Create_NewClaim_IsDraftWithCreationEntry()
    {
        var claim = ClaimFixture.NewDraft();

        Assert.Equal(ClaimState.Draft, claim.State);
        var entry = Assert.Single(claim.Timeline);
        Assert.Null(entry.From);
        Assert.Equal(ClaimState.Draft, entry.To);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(claim.Id, entry.ClaimId);
    }

    [Fact]
    public void Closed_IsTerminal()
    {
        Assert.True(ClaimTransitions.IsTerminal(ClaimState.Closed));
        Assert.False(ClaimTransitions.IsTerminal(ClaimState.Paid));
    }

    [Fact]
    public void MarkSubmitted_WithRawMessage_RecordsMessageId()
    {
        var claim = ClaimFixture.InState(ClaimState.Queued);
        var messageId = Guid.Parse("99999999-0000-0000-0000-000000000009");

        claim.MarkSubmitted("x12-837d-sender", ClaimFixture.Now, messageId);

        Assert.Equal(messageId, claim.Timeline[^1].RawMessageId);
        Assert.Equal("x12-837d-sender", claim.Timeline[^1].Actor);
    }

    [Fact]
    public void Reject_Reason_IsRecorded()
    {
        var claim = ClaimFixture.InState(ClaimState.Acknowledged);

        claim.Reject("x12-277ca", ClaimFixture.Now, "A7:164 entity's contract/member number");

        Assert.Equal("A7:164 entity's contract/member number", claim.Timeline[^1].Reason);
    }

    [Fact]
    public void Reject_BlankReason_Throws()
    {
        var claim = ClaimFixture.InState(ClaimState.Acknowledged);

        Assert.Throws<DomainException>(() => claim.Reject("x12-277ca", ClaimFixture.Now, " "));
        Assert.Equal(ClaimState.Acknowledged, claim.State);
    }

    [Fact]
    public void Accept_PayerClaimNumber_IsKept()
    {
        var claim = ClaimFixture.InState(ClaimState.Acknowledged);

        claim.Accept("x12-277ca", ClaimFixture.Now, "2026105000123");

        Assert.Equal("2026105000123", claim.PayerClaimNumber);
    }

    [Fact]
    public void RecordAdjudication_DifferentPayerClaimNumber_Throws()
    {
        var claim = ClaimFixture.InState(ClaimState.Pending);

        Assert.Throws<DomainException>(() => claim.RecordAdjudication(ClaimState.Paid, "x12-835", ClaimFixture.Now, "OTHER-1"));
        Assert.Equal(ClaimState.Pending, claim.State);
    }

    [Fact]
    public void RecordAdjudication_NonOutcomeState_Throws()
    {
        var claim = ClaimFixture.InState(ClaimState.Pending);

        Assert.Throws<DomainException>(() => claim.RecordAdjudication(ClaimState.Closed, "x12-835", ClaimFixture.Now));
    }

    [Fact]
    public void TransitionTo_Corrected_DirectsToCreateReplacement()
    {
        var claim = ClaimFixture.InState(ClaimState.Paid);

        var ex = Assert.Throws<DomainException>(() => claim.TransitionTo(ClaimState.Corrected, "u", ClaimFixture.Now));
        Assert.Contains(nameof(Claim.CreateReplacement), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnToDraft_FromRejected_AllowsEditingAgain()
    {
        var claim = ClaimFixture.InState(ClaimState.Rejected);

        claim.ReturnToDraft("jane", ClaimFixture.Now, "fix member id");
        claim.AddLine(ClaimFixture.Line("D1110", 90m, tooth: null, surfaces: ""), ClaimFixture.Now);

        Assert.Equal(3, claim.Lines.Count);
    }

    [Fact]
    public void Timeline_FullHappyPath_HasOrderedEntries()
    {
        var claim = ClaimFixture.InState(ClaimState.Closed);

        Assert.Equal(
            [ClaimState.Draft, ClaimState.Validated, ClaimState.Queued, ClaimState.Submitted, ClaimState.Acknowledged,
             ClaimState.Accepted, ClaimState.Pending, ClaimState.Paid, ClaimState.Closed],
            claim.Timeline.Select(e => e.To));
        Assert.Equal(Enumerable.Range(1, 9), claim.Timeline.Select(e => e.Sequence));
        Assert.Equal(9, claim.TimelineLength);
    }

    [Theory]
    [InlineData(ClaimState.Submitted, true)]
    [InlineData(ClaimState.Acknowledged, true)]
    [InlineData(ClaimState.Accepted, false)]
    [InlineData(ClaimState.Paid, false)]
    public void AcceptImplied_OnlyAClaimStillWaitingForItsAcknowledgement_IsAccepted(ClaimState from, bool moves)
    {
        var claim = ClaimFixture.InState(from);
        var (number, entries) = (claim.PayerClaimNumber, claim.Timeline.Count);

        Assert.Equal(moves, claim.AcceptImplied(ClaimFixture.Actor, ClaimFixture.Now, "PAYER-1"));

        Assert.Equal(moves ? ClaimState.Accepted : from, claim.State);
        Assert.Equal(moves ? "PAYER-1" : number, claim.PayerClaimNumber);
        Assert.Equal(entries + (moves ? 1 : 0), claim.Timeline.Count);
    }
}
