using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>
/// A hand-made October 2026 (Shanghai time), built through the aggregate's own moves, with one complaint in
/// September, one on 1 November at midnight and one in October 2025. The right answers are written in the tests.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private static readonly Actor _desk = Actor.Staff("test", "测试员", StaffRole.Clerk, StaffRole.Supervisor);

    // The follow-up rules: not the resolver (_desk).
    private static readonly Actor _caller = Actor.Staff("test-caller", "回访员", StaffRole.Supervisor);
    private static readonly TimeLimitPolicy _limits = TimeLimitPolicy.Default;
    private static readonly ClassificationPolicy _policy = ClassificationPolicy.Default;
    private readonly List<Complaint> _built = [];
    private readonly Dictionary<string, DeskClient> _clients = [];
    private int _sequence;

    public DeskAppFactory App { get; } = new();

    /// <summary>The major complaint of October (3.1.2(d)).</summary>
    public long MajorId { get; private set; }

    public int Project1 { get; private set; }

    public int Project2 { get; private set; }

    public int Project3 { get; private set; }

    /// <summary>Shanghai local time → UTC.</summary>
    public static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    public async Task InitializeAsync()
    {
        // Exact mode: these tests check which months a change recomputes, the running month included.
        App.Settings["Reports:Snapshots:RunningMonthGrace"] = "00:00:00";

        // No background clock: when a test moves the time it would record the old complaints' escalations while the
        // test reads, and bump their months (slow enough on PostgreSQL to land inside a test). ClockSchedulingTests
        // cover what the clock does to report versions.
        App.Settings["Escalations:ClockEnabled"] = "false";
        await App.StartAsync();
        await App.WithDbAsync(async db =>
        {
            var projects = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            (Project1, Project2, Project3) = (projects[0], projects[1], projects[2]);
            var topics = await db.Topics.ToDictionaryAsync(t => t.Name, t => t.Id);
            var departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id);
            var a = new ClassificationFacts(Cause.ManagementService);

            // C1: A minor, dispatched and resolved on time (5 h), satisfied → closed.
            var c1 = Register(Local(2026, 10, 5, 10), a, Project1, topics["电梯"], Channel.Phone);
            c1.Dispatch(departments["工程部"], null, null, _desk, c1.RegisteredAt.AddMinutes(10), _limits);
            c1.Resolve("已修复", _desk, c1.RegisteredAt.AddHours(5), _limits);
            c1.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2026, 10, 6, 10), _policy);

            // C2: A important, dispatched late (30 min), resolved late (80 h), basically satisfied → closed.
            var c2 = Register(Local(2026, 10, 10, 9), a with { CompanyAtFault = true }, Project1, topics["服务态度"], Channel.Visit);
            c2.Dispatch(departments["客服部"], null, null, _desk, c2.RegisteredAt.AddMinutes(30), _limits);
            c2.Resolve("已道歉", _desk, c2.RegisteredAt.AddHours(80), _limits);
            c2.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.BasicallySatisfied, null, _caller, c2.RegisteredAt.AddHours(82), _policy);

            // C3: B, raised twice already, at 23:59 on the month's last day: belongs to October; still open.
            Register(Local(2026, 10, 31, 23, 59), new ClassificationFacts(Cause.EngineeringQuality, TimesRaisedUnresolved: 2),
                Project2, topics["房屋质量"], Channel.WeChat);

            // C4: A minor at 00:00 on 1 November: November's, not October's.
            Register(Local(2026, 11, 1, 0), a, Project1, topics["电梯"], Channel.Phone);

            // C5: A minor, dispatched on time, resolved on 2 November: open and overdue at October's end.
            var c5 = Register(Local(2026, 10, 20, 10), a, Project2, topics["保洁/卫生"], Channel.Phone);
            c5.Dispatch(departments["工程部"], null, null, _desk, c5.RegisteredAt.AddMinutes(5), _limits);
            c5.Resolve("已清理", _desk, Local(2026, 11, 2, 10), _limits);

            // C6: A minor, resolved, dissatisfied (reopened, raised twice), resolved again late, satisfied.
            var c6 = Register(Local(2026, 10, 3, 10), a, Project1, topics["电梯"], Channel.Phone);
            c6.Dispatch(departments["工程部"], null, null, _desk, c6.RegisteredAt.AddMinutes(5), _limits);
            c6.Resolve("已修复", _desk, c6.RegisteredAt.AddHours(2), _limits);
            c6.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, "又坏了", _caller, Local(2026, 10, 4, 10), _policy);
            c6.Resolve("更换主板", _desk, Local(2026, 10, 6, 10), _limits);
            c6.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2026, 10, 7, 10), _policy);

            // C7: C, government referral, project 3, withdrawn the same day.
            var c7 = Register(Local(2026, 10, 15, 10), new ClassificationFacts(Cause.External, GovernmentReferralWithSocialImpact: true),
                Project3, topics["市政/外部"], Channel.GovernmentHotline);
            c7.Withdraw(WithdrawReason.ByComplainant, "业主撤回", _desk, Local(2026, 10, 15, 12));

            // C8: A major (government referral), dispatched on time, open at month end but not yet due (7 days).
            var c8 = Register(Local(2026, 10, 25, 10), a with { GovernmentReferralWithSocialImpact = true }, Project2, topics["秩序/安保"],
                Channel.GovernmentHotline);
            c8.Dispatch(departments["秩序维护部"], null, null, _desk, c8.RegisteredAt.AddMinutes(15), _limits);

            // C11: B group complaint of 12 people, not dispatched.
            Register(Local(2026, 10, 28, 10), new ClassificationFacts(Cause.EngineeringQuality, ComplainantCount: 12), Project1, topics["停车"],
                Channel.Phone);

            // C9: September: A minor resolved in 4 h, satisfied.
            var c9 = Register(Local(2026, 9, 15, 10), a, Project1, topics["电梯"], Channel.Phone);
            c9.Dispatch(departments["工程部"], null, null, _desk, c9.RegisteredAt.AddMinutes(5), _limits);
            c9.Resolve("已修复", _desk, c9.RegisteredAt.AddHours(4), _limits);
            c9.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2026, 9, 16, 10), _policy);

            // C10: October 2025: A minor resolved in 3 h.
            var c10 = Register(Local(2025, 10, 10, 10), a, Project1, topics["电梯"], Channel.Phone);
            c10.Dispatch(departments["工程部"], null, null, _desk, c10.RegisteredAt.AddMinutes(5), _limits);
            c10.Resolve("已修复", _desk, c10.RegisteredAt.AddHours(3), _limits);

            // August 2025, the month whose figures must hold at its cut whatever happened after (issue 16). All A minor
            // (24 h to resolve), project 3, 电梯, by phone, dispatched 5 min after registration; the due instants are
            // refreshed after every move as the desk refreshes them. The cut is 1 September 2025 00:00.
            var held = new List<Complaint>();

            // H1: put on hold before its due instant (21 Aug 10:00) and still on hold: open at the cut, not overdue.
            var h1 = August(Local(2025, 8, 20, 10), topics["电梯"], departments["工程部"], Project3);
            Step(h1, () => h1.PutOnHold("等待业主提供照片", _desk, Local(2025, 8, 20, 12)), Local(2025, 8, 20, 12));
            held.Add(h1);

            // H2: overdue since 26 Aug 10:00, withdrawn on 3 September: open and overdue at the cut.
            var h2 = August(Local(2025, 8, 25, 10), topics["电梯"], departments["工程部"], Project3);
            Step(h2, () => h2.Withdraw(WithdrawReason.Duplicate, "与另一件重复", _desk, Local(2025, 9, 3, 10)), Local(2025, 9, 3, 10));
            held.Add(h2);

            // H3: overdue since 23 Aug 10:00, put on hold on 24 Aug (overdue then), resumed on 15 September and resolved late:
            // on hold at the cut and overdue (the hold does not undo an overdue that came before it).
            var h3 = August(Local(2025, 8, 22, 10), topics["电梯"], departments["工程部"], Project3);
            Step(h3, () => h3.PutOnHold("等待配件", _desk, Local(2025, 8, 24, 10)), Local(2025, 8, 24, 10));
            Step(h3, () => h3.Resume("配件到货", _desk, Local(2025, 9, 15, 10)), Local(2025, 9, 15, 10));
            Step(h3, () => h3.Resolve("已更换", _desk, Local(2025, 9, 15, 12), _limits), Local(2025, 9, 15, 12));
            Step(h3, () => h3.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2025, 9, 16, 10), _policy),
                Local(2025, 9, 16, 10));
            held.Add(h3);

            // H4: due 31 Aug 10:00, resolved late on 2 September: open and overdue at the cut.
            var h4 = August(Local(2025, 8, 30, 10), topics["电梯"], departments["工程部"], Project3);
            Step(h4, () => h4.Resolve("已修复", _desk, Local(2025, 9, 2, 10), _limits), Local(2025, 9, 2, 10));
            held.Add(h4);

            // H5: resolved on time, satisfied → closed on 11 August; reopened on 5 September, resolved and closed again:
            // closed at the cut, not open.
            var h5 = August(Local(2025, 8, 10, 10), topics["电梯"], departments["工程部"], Project3);
            Step(h5, () => h5.Resolve("已修复", _desk, Local(2025, 8, 10, 15), _limits), Local(2025, 8, 10, 15));
            Step(h5, () => h5.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2025, 8, 11, 10), _policy),
                Local(2025, 8, 11, 10));
            Step(h5, () => h5.Reopen("业主再次反映：电梯又停了", _desk, Local(2025, 9, 5, 10), _policy), Local(2025, 9, 5, 10));
            Step(h5, () => h5.Resolve("更换控制板", _desk, Local(2025, 9, 5, 15), _limits), Local(2025, 9, 5, 15));
            Step(h5, () => h5.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, _caller, Local(2025, 9, 6, 10), _policy),
                Local(2025, 9, 6, 10));
            held.Add(h5);

            foreach (var complaint in held)
            {
                complaint.ClearEvents();
                db.Complaints.Add(complaint);
            }

            foreach (var complaint in _built.Except(held))
            {
                complaint.RefreshDeadlines(_limits, ClassificationPolicy.Default, complaint.ResolvedAt ?? complaint.WithdrawnAt ?? complaint.Timeline[^1].At);
                complaint.ClearEvents();
                db.Complaints.Add(complaint);
            }

            await db.SaveChangesAsync();
            MajorId = c8.Id;
            return 0;
        });
    }

    /// <summary>One signed-in client per account for the whole class (sign-in is rate-limited per address).</summary>
    public async Task<DeskClient> ClientAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            _clients[userName] = client = await App.SignInAsync(userName);
        }

        return client;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A moves, then the due instants refreshed at its instant (what the desk does after every change).</summary>
    private static void Step(Complaint complaint, Action move, DateTime at)
    {
        move();
        complaint.RefreshDeadlines(_limits, _policy, at);
    }

    /// <summary>An A minor complaint of August 2025, dispatched 5 minutes after registration.</summary>
    private Complaint August(DateTime at, int topic, int department, int project)
    {
        var complaint = Register(at, new ClassificationFacts(Cause.ManagementService), project, topic, Channel.Phone);
        complaint.RefreshDeadlines(_limits, _policy, at);
        Step(complaint, () => complaint.Dispatch(department, null, null, _desk, at.AddMinutes(5), _limits), at.AddMinutes(5));
        return complaint;
    }

    private Complaint Register(DateTime at, ClassificationFacts facts, int project, int topic, Channel channel)
    {
        var intake = new ComplaintIntake(project, topic, null, channel, "王女士", ComplainantKind.Owner, "13812341234", "3栋2单元1101",
            "=电梯停运, \"两天\"无人处理", facts);
        var month = Domain.Calendar.YearMonth.Of(at.AddHours(8));
        var complaint = Complaint.Register(intake, Domain.Calendar.ComplaintNumber.Format(month, ++_sequence), _desk, at, _policy);
        _built.Add(complaint);
        return complaint;
    }
}
