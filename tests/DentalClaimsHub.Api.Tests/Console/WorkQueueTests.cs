using DentalClaimsHub.Api.AdminConsole.Queue;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Values;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The work queue over more items than one page: the counts per reason cover every item, not the page; page 2 holds the
/// rest in order; and the reason filter narrows both the total and the page. Everything is counted and paged in PostgreSQL.
/// </summary>
public sealed class WorkQueueTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Payer = "demo-x12-dental";

    [Fact]
    public async Task LoadAsync_MoreItemsThanOnePage_CountsEveryItemAndPagesInOrder()
    {
        var practice = await factory.CreatePracticeAsync("Paging Dental");
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        // 130 claims: 80 rejected by a 999 (IK5 R), 45 by a 277CA (A7:21), 5 denied by an 835 (CO-50), an hour apart, oldest first.
        var made = await factory.InDatabaseAsync(async db =>
        {
            var patient = Patient.Create(practice.Id, new PersonName("Pager", "Pat"), new DateOnly(1980, 1, 2), Sex.Female, start);
            var coverage = Coverage.Create(practice.Id, patient.Id, Payer, "PG1", CoverageOrder.Primary, SubscriberRelationship.Self, start);
            db.AddRange(patient, coverage);
            var claims = new List<Claim>();
            for (var i = 0; i < 130; i++)
            {
                var at = start.AddHours(i);
                var claim = Claim.Create(practice.Id, patient.Id, coverage.Id, Payer, "USD", "test", at, $"PG{i:000}");
                claim.SetDiagnoses([Icd10Code.Parse("K02.52")], at);
                claim.AddLine(new ClaimLineDetails
                {
                    Procedure = ProcedureCode.Cdt(CdtCode.Parse("D0120")), Fee = Money.Usd(10m + i), ServiceDate = DateOnly.FromDateTime(start.UtcDateTime),
                }, at);
                claim.Validate("test", at, DateOnly.FromDateTime(at.UtcDateTime));
                claim.Queue("test", at);
                claim.MarkSubmitted("test", at);
                if (i < 80)
                {
                    claim.Reject("test", at, new TimelineReason($"999 rejected transaction set {i:0000} (IK5 R)", TimelineReasonCodes.Ack999Rejected, [$"{i:0000}", "R", ""]));
                }
                else if (i < 125)
                {
                    claim.Reject("test", at, new TimelineReason("277CA A7:21: rejected", TimelineReasonCodes.ClaimAckRejected, ["A7:21", ""]));
                }
                else
                {
                    claim.Accept("test", at);
                    claim.RecordAdjudication(ClaimState.Denied, "test", at, reason: new TimelineReason("Denied (CLP02 4): CO-50", TimelineReasonCodes.Remittance,
                        ["CO-50", "CO-50", "", "0", "10", "USD"]));
                }

                claims.Add(claim);
            }

            db.AddRange(claims);
            await db.SaveChangesAsync();
            return claims;
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<WorkQueue>();
        var first = await queue.LoadAsync(new WorkQueueFilter { PracticeId = practice.Id }, default);
        Assert.Equal(130, first.Total);
        Assert.Equal([new ReasonCount("999 IK5 R", 80), new ReasonCount("277CA A7:21", 45), new ReasonCount("835 CO-50", 5)], first.ReasonCounts);
        Assert.Equal(WorkQueue.PageSize, first.Items.Count);
        Assert.Equal(made.Take(100).Select(c => c.Id), first.Items.Select(i => i.ClaimId));

        var second = await queue.LoadAsync(new WorkQueueFilter { PracticeId = practice.Id, Page = 1 }, default);
        Assert.Equal(130, second.Total);
        Assert.Equal(made.Skip(100).Select(c => c.Id), second.Items.Select(i => i.ClaimId));
        Assert.Equal(first.ReasonCounts, second.ReasonCounts);
        var denied = second.Items[^1];
        Assert.Equal(("835 CO-50", ClaimState.Denied, 139m, "Pager, Pat"), (denied.Reason.Key, denied.State, denied.Amount, denied.PatientName));

        var rejected277 = await queue.LoadAsync(new WorkQueueFilter { PracticeId = practice.Id, Reason = "277CA A7:21", Sort = WorkQueueSort.AmountHighest }, default);
        Assert.Equal(45, rejected277.Total);
        Assert.Equal(made.Skip(80).Take(45).Reverse().Select(c => c.Id), rejected277.Items.Select(i => i.ClaimId));
        Assert.Equal(3, rejected277.ReasonCounts.Count);

        var old = await queue.LoadAsync(new WorkQueueFilter { PracticeId = practice.Id, MinAgeDays = 29 }, default);
        Assert.Equal(made.Count(c => c.Timeline[^1].At <= DateTimeOffset.UtcNow.AddDays(-29)), old.Total);
        Assert.InRange(old.Total, 1, 129);
    }
}
