using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Api.AdminConsole.Remittances;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// Payment notes and remittance problems stored before they had codes are recognised by their English and read in Russian;
/// every sentence the code writes today round-trips to its own code and values; a sentence not ours reads as stored.
/// </summary>
public sealed class UncodedRemittanceTextTests
{
    private static T InRussian<T>(Func<IStringLocalizer<ConsoleText>, T> render) => ConsoleCulture.In("ru", render);

    public static TheoryData<string, string, string[]> Notes() => new()
    {
        { PaymentNotes.Unmatched("PCN-1 A", "demo-x12-dental").Text, PaymentNotes.NoClaim, ["PCN-1 A", "demo-x12-dental"] },
        { PaymentNotes.Reversal("Paid").Text, PaymentNotes.ReversalUnchanged, ["Paid"] },
        { PaymentNotes.Forwarded.Text, PaymentNotes.NotOurs, [] },
        { PaymentNotes.Unchanged("Accepted").Text, PaymentNotes.StateUnchanged, ["Accepted"] },
        { PaymentNotes.Already("Paid").Text, PaymentNotes.AlreadyDecided, ["Paid"] },
        { PaymentNotes.PlanMissing.Text, PaymentNotes.NoOpenPlan, [] },
        { PaymentNotes.Plan("Approved").Text, PaymentNotes.PlanDecided, ["Approved"] },
        { PaymentNotes.Refused(new Domain.DomainException("Claim is Draft.")).Text, PaymentNotes.NotApplied, ["Claim is Draft."] },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void PaymentNote_EachSentenceWrittenToday_IsRecognisedWithItsValues(string english, string code, string[] args)
    {
        var recognised = UncodedRemittanceText.PaymentNote(english);

        Assert.Equal(code, recognised?.Code);
        Assert.Equal(args, recognised!.Args);
    }

    public static TheoryData<string, string, string[]> Problems() => new()
    {
        { RemittanceProblems.Line("PCN7", 2, Money.Usd(100m), Money.Usd(-12.5m)).Text, RemittanceProblems.LineUnbalanced, ["PCN7", "2", "100.00 USD", "-12.50 USD"] },
        { RemittanceProblems.Claim("PCN7", Money.Usd(425m), Money.Usd(282m)).Text, RemittanceProblems.ClaimUnbalanced, ["PCN7", "425.00 USD", "282.00 USD"] },
        { RemittanceProblems.Payment(Money.Usd(1m), Money.Usd(2m)).Text, RemittanceProblems.PaymentUnbalanced, ["1.00 USD", "2.00 USD"] },
        { RemittanceProblems.TruncatedSet("0001").Text, RemittanceProblems.Truncated, ["0001"] },
        { RemittanceProblems.Header("0001", "BPR02 is not a number").Text, RemittanceProblems.PaymentHeader, ["0001", "BPR02 is not a number"] },
        { RemittanceProblems.At("0001", 14, "CLP", "CLP04 missing").Text, RemittanceProblems.Segment, ["0001", "14", "CLP", "CLP04 missing"] },
        { RemittanceProblems.Payee(null).Text, RemittanceProblems.UnknownPayee, [""] },
        { RemittanceProblems.Payee("1234567893").Text, RemittanceProblems.UnknownPayee, ["1234567893"] },
        { RemittanceProblems.Duplicate("TRC 9", Money.Usd(50m), "demo-x12-dental").Text, RemittanceProblems.DuplicatePayment, ["TRC 9", "50.00 USD", "demo-x12-dental"] },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Problem_EachSentenceWrittenToday_IsRecognisedWithItsValues(string english, string code, string[] args)
    {
        var recognised = UncodedRemittanceText.Problem(english);

        Assert.Equal(code, recognised?.Code);
        Assert.Equal(args, recognised!.Args);
    }

    [Fact]
    public void Render_OldRowsWithoutCodes_ReadRussianAndAnUnknownSentenceAsStored()
    {
        var problems = InRussian(t => new RemittanceProblemText(t).Render(
            ["Claim PCN7: charge 425.00 USD minus adjustments is not the paid 282.00 USD.", "Something the hub once said."], []));
        var note = InRussian(t => new PaymentNoteText(t, new ClaimRuleText(t)).Render("The claim is Accepted: payment recorded, state unchanged.", null, []));

        Assert.Equal(["Заявка PCN7: начислено 425,00 USD минус корректировки не равно выплаченному 282,00 USD.", "Something the hub once said."], problems);
        Assert.Equal("Заявка в состоянии «Принята»: выплата записана, состояние не изменилось.", note);
        Assert.Null(UncodedRemittanceText.PaymentNote("Payment recorded by hand."));
    }
}
