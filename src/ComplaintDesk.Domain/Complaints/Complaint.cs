using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.TimeLimits;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>
/// A complaint and its lifecycle. It changes only through methods named for what a person does; each
/// checks the lifecycle table, appends a timeline entry and refuses an illegal move with a
/// <see cref="DomainRuleException"/>.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>How far past now a follow-up's attempt time may be (clocks of phones and PCs differ a little).</summary>
    private static readonly TimeSpan AttemptClockSkew = TimeSpan.FromMinutes(5);

    private readonly List<TimelineEntry> _timeline = [];

    /// <summary>Entries appended since the due instants were last refreshed: they get the due instant then.</summary>
    private readonly List<TimelineEntry> _unstamped = [];

    private readonly List<FollowUp> _followUps = [];
    private readonly List<ComplaintEvent> _events = [];

    // For EF Core.
    private Complaint()
    {
        Number = string.Empty;
        ComplainantName = string.Empty;
        Phone = string.Empty;
        Location = string.Empty;
        Content = string.Empty;
        Clauses = string.Empty;
        Flags = string.Empty;
        RegisteredById = string.Empty;
        RegisteredByName = string.Empty;
        OwnerId = string.Empty;
        OwnerName = string.Empty;
        Facts = new ClassificationFacts(Cause.ManagementService);
    }

    public long Id { get; private set; }

    /// <summary>TS + yyyyMM + sequence, e.g. TS2026110001.</summary>
    public string Number { get; private set; }

    public int ProjectId { get; private set; }

    public int TopicId { get; private set; }

    public Channel Channel { get; private set; }

    public string ComplainantName { get; private set; }

    public ComplainantKind ComplainantKind { get; private set; }

    /// <summary>The phone as the clerk typed it: what pages show.</summary>
    public string Phone { get; private set; }

    /// <summary>
    /// <see cref="PhoneNumber.Normalized"/>: one complainant is one normalised number (docs/decisions). Null only for rows
    /// registered before numbers were checked whose phone the migration could not read; those count by name.
    /// </summary>
    public string? PhoneNormalized { get; private set; }

    public string Location { get; private set; }

    public string Content { get; private set; }

    /// <summary>The facts the current classification was made from.</summary>
    public ClassificationFacts Facts { get; private set; }

    public ComplaintType Type { get; private set; }

    public Severity? Severity { get; private set; }

    /// <summary>Clause codes that fired, joined by ';'.</summary>
    public string Clauses { get; private set; }

    /// <summary>Flags of a B/C complaint, joined by ';'.</summary>
    public string Flags { get; private set; }

    /// <summary>A group complaint under 3.1.2(e), or a B/C complaint with the group flag.</summary>
    public bool IsGroup { get; private set; }

    /// <summary>Raised at least <see cref="ClassificationPolicy.RepeatRaises"/> times without being resolved: a repeat complaint (重复投诉).</summary>
    public bool IsRepeat { get; private set; }

    /// <summary>Referred by the government or a higher authority with social impact (政府/上级转办).</summary>
    public bool IsGovernmentReferral { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public int? DepartmentId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>Developer or contractor a B complaint is coordinated with.</summary>
    public string? ExternalParty { get; private set; }

    public string? Resolution { get; private set; }

    public long? IncidentId { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public string RegisteredById { get; private set; }

    public string RegisteredByName { get; private set; }

    /// <summary>首问负责人: the member of staff who owns the complaint from first contact to close (who registered it, until 转交).</summary>
    public string OwnerId { get; private set; }

    public string OwnerName { get; private set; }

    public DateTime? DispatchedAt { get; private set; }

    /// <summary>Whether the first dispatch met the dispatch limit; null until dispatched.</summary>
    public bool? DispatchedOnTime { get; private set; }

    /// <summary>Start of the resolution clock: registration, or the last reopening.</summary>
    public DateTime ResolutionClockStart { get; private set; }

    /// <summary>Last dispatch, progress entry, resumption or reopening: the start of the progress interval.</summary>
    public DateTime? LastProgressAt { get; private set; }

    public DateTime? OnHoldSince { get; private set; }

    /// <summary>Time on hold since <see cref="ResolutionClockStart"/>, not counted against the resolution limit.</summary>
    public TimeSpan OnHoldTotal { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>Who made the last 处理完成; with <see cref="FollowUpRules.NotByResolver"/> they may not record its follow-up.</summary>
    public string? ResolvedById { get; private set; }

    /// <summary>
    /// A follow-up was dissatisfied and the complaint has not been followed up satisfied since: once resolved again it
    /// needs a second follow-up (二次回访), unless <see cref="FollowUpRules.SecondAfterDissatisfied"/> is off.
    /// </summary>
    public bool NeedsSecondFollowUp { get; private set; }

    /// <summary>
    /// Hours from registration to the last resolution (calendar time, time on hold included): the 处理时长 the monthly
    /// report averages and takes the median of. Null until resolved and again once reopened.
    /// </summary>
    public double? HoursToResolve { get; private set; }

    /// <summary>Whether the last resolution met its limit; null until resolved.</summary>
    public bool? ResolvedOnTime { get; private set; }

    public DateTime? FollowedUpAt { get; private set; }

    public FollowUpOutcome? LastFollowUpOutcome { get; private set; }

    /// <summary>Unreachable attempts since the last resolution.</summary>
    public int FailedFollowUpAttempts { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public DateTime? BecameMajorAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>Resolution due as of the last change (time on hold set aside); for queries and reports.</summary>
    public DateTime? ResolutionDue { get; private set; }

    /// <summary>Earliest pending time limit as of the last change; null when none runs (on hold, closed, withdrawn).
    /// Lets the list filter "overdue only" and the clock find candidates with one indexed comparison.</summary>
    public DateTime? NextDueAt { get; private set; }

    /// <summary>
    /// When the escalation clock next has to look at the complaint: just after a pending limit falls due, when it is
    /// overdue by the whole limit again (level 2), when 3.1.2(c)'s day count is reached, and at once for a major
    /// complaint (level 2 straight away). Null when nothing can fire. After a person's change it is the earliest
    /// of these instants, past ones included, since the clock may not have recorded them yet
    /// (<see cref="RefreshDeadlines"/>); after the clock has looked, the first one later than that look
    /// (<see cref="ClockChecked"/>). The clock's candidates are one indexed range on it.
    /// </summary>
    public DateTime? ClockDueAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline.AsReadOnly();

    public IReadOnlyList<FollowUp> FollowUps => _followUps.AsReadOnly();

    /// <summary>What happened in this unit of work that others must hear of (e.g. it became major).</summary>
    public IReadOnlyList<ComplaintEvent> Events => _events.AsReadOnly();

    public bool IsMajor => Severity == Classification.Severity.Major;

    public static Complaint Register(
        ComplaintIntake intake,
        string number,
        Actor actor,
        DateTime now,
        ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(actor);
        Require(intake.ComplainantName, "投诉人");
        Require(intake.Content, "投诉内容");
        var phone = PhoneNumber.Parse(intake.Phone);
        CheckFacts(intake.Facts);

        var complaint = new Complaint
        {
            Number = number,
            ProjectId = intake.ProjectId,
            TopicId = intake.TopicId,
            DepartmentId = intake.DepartmentId,
            Channel = intake.Channel,
            ComplainantName = intake.ComplainantName.Trim(),
            ComplainantKind = intake.ComplainantKind,
            Phone = phone.Typed,
            PhoneNormalized = phone.Normalized,
            Location = intake.Location.Trim(),
            Content = intake.Content.Trim(),
            Status = ComplaintStatus.Registered,
            RegisteredAt = now,
            ResolutionClockStart = now,
            RegisteredById = actor.Id,
            RegisteredByName = actor.Name,
            OwnerId = actor.Id,
            OwnerName = actor.Name,
        };
        var result = complaint.ApplyClassification(intake.Facts with { DaysUnresolved = 0 }, policy, now);
        complaint.Append(now, actor, TimelineKind.Registered, null, ComplaintStatus.Registered, null, result.Summary);
        if (intake.Referral is { } referral)
        {
            complaint.AttachReferral(referral, actor, now);
        }

        return complaint;
    }

    /// <summary>派单: send to a department (optionally a person); B complaints may name the developer or contractor.</summary>
    public void Dispatch(int departmentId, string? assignee, string? externalParty, Actor actor, DateTime now, TimeLimitPolicy limits)
    {
        Ensure(ComplaintMove.Dispatch, actor);
        ArgumentNullException.ThrowIfNull(limits);
        DepartmentId = departmentId;
        AssigneeName = Blank(assignee);
        ExternalParty = Blank(externalParty) ?? ExternalParty;
        DispatchedAt = now;
        DispatchedOnTime = now <= RegisteredAt + limits.Dispatch;
        LastProgressAt = now;
        Move(ComplaintStatus.InProgress, now, actor, TimelineKind.Dispatched, null, DescribeAssignment());
    }

    /// <summary>
    /// 转交: the owner (or a supervisor) hands the complaint to another member of staff of its project, with a reason. Who
    /// may receive it (staff of the project, in service) is checked by the caller, which knows the staff.
    /// </summary>
    public void HandOver(string toId, string toName, string reason, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.HandOver, actor);
        if (HandOverRefusal(actor) is { } refusal)
        {
            throw refusal;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(toId);
        ArgumentException.ThrowIfNullOrWhiteSpace(toName);
        RequireReason(reason, "转交原因");
        if (toId == OwnerId)
        {
            throw new DomainRuleException(RuleCodes.HandOverToSelf, $"{OwnerName}已是该投诉的首问负责人，请选择另一位同事。");
        }

        var from = OwnerName;
        OwnerId = toId;
        OwnerName = toName.Trim();
        Append(now, actor, TimelineKind.HandedOver, Status, Status, reason.Trim(), $"首问负责人 {from} → {OwnerName}");
    }

    /// <summary>Why <paramref name="actor"/> may not hand the complaint over (only its owner or a supervisor may), or null.</summary>
    public DomainRuleException? HandOverRefusal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Id == OwnerId || actor.IsIn(StaffRole.Supervisor)
            ? null
            : new DomainRuleException(RuleCodes.NotTheOwner, $"只有首问负责人（{OwnerName}）或客服主管可以转交该投诉。");
    }

    /// <summary>改派: hand an in-progress complaint to another department or person.</summary>
    public void Reassign(int departmentId, string? assignee, string? externalParty, string? note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.Reassign, actor);
        var before = DescribeAssignment();
        DepartmentId = departmentId;
        AssigneeName = Blank(assignee);
        ExternalParty = Blank(externalParty) ?? ExternalParty;
        Append(now, actor, TimelineKind.Reassigned, Status, Status, Blank(note), $"{before} → {DescribeAssignment()}");
    }

    /// <summary>处理进展: a progress note; a major complaint needs one every progress interval.</summary>
    public void RecordProgress(string note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.RecordProgress, actor);
        RequireReason(note, "进展说明");
        LastProgressAt = now;
        Append(now, actor, TimelineKind.Progress, Status, Status, note.Trim());
    }

    /// <summary>挂起: waiting for the complainant or a third party; the resolution clock stops.</summary>
    public void PutOnHold(string reason, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.PutOnHold, actor);
        RequireReason(reason, "挂起原因");
        OnHoldSince = now;
        Move(ComplaintStatus.OnHold, now, actor, TimelineKind.PutOnHold, reason.Trim());
    }

    /// <summary>恢复: back to work; the time on hold is set aside.</summary>
    public void Resume(string? note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.Resume, actor);
        if (OnHoldSince is { } since && now > since)
        {
            OnHoldTotal += now - since;
        }

        OnHoldSince = null;
        LastProgressAt = now;
        Move(ComplaintStatus.InProgress, now, actor, TimelineKind.Resumed, Blank(note), $"挂起 {TimeLimitPolicy.Describe(TimeSpanRounded(OnHoldTotal))}（累计）");
    }

    /// <summary>处理完成: record how it was resolved; the follow-up clock starts.</summary>
    /// <remarks>
    /// After a dissatisfied follow-up, with <see cref="FollowUpRules.SecondAfterDissatisfied"/> off, resolving again
    /// closes the complaint without a second follow-up; with it on (the default) it waits for one like any resolution.
    /// </remarks>
    public void Resolve(string resolution, Actor actor, DateTime now, TimeLimitPolicy limits, FollowUpRules? rules = null)
    {
        Ensure(ComplaintMove.Resolve, actor);
        ArgumentNullException.ThrowIfNull(limits);
        RequireReason(resolution, "处理结果");
        if (NeedsSecondFollowUp && !(rules ?? FollowUpRules.Default).SecondAfterDissatisfied)
        {
            EnsureMayClose();
        }

        Resolution = resolution.Trim();
        ResolvedAt = now;
        ResolvedById = actor.Id;
        HoursToResolve = (now - RegisteredAt).TotalHours;
        ResolvedOnTime = now <= ResolutionDueAt(limits, now);
        FailedFollowUpAttempts = 0;
        if (NeedsSecondFollowUp && !(rules ?? FollowUpRules.Default).SecondAfterDissatisfied)
        {
            NeedsSecondFollowUp = false;
            ClosedAt = now;
            Move(ComplaintStatus.Closed, now, actor, TimelineKind.Resolved, Resolution, "回访不满意后再次处理完成；按回访规则设置不做二次回访，直接结案");
            return;
        }

        Move(ComplaintStatus.Resolved, now, actor, TimelineKind.Resolved, Resolution, NeedsSecondFollowUp ? "待二次回访" : null);
    }

    /// <summary>
    /// 回访: satisfied or basically satisfied closes; dissatisfied reopens the work, counts a raise and
    /// re-classifies; unreachable counts an attempt. The <paramref name="rules"/> (default: all on) say who may record it
    /// (<see cref="FollowUpRefusal"/>); <paramref name="call"/> carries the number called (a phone follow-up; the
    /// complainant's phone when not given) and when the attempt was made (not before the resolution, not in the future).
    /// </summary>
    public void RecordFollowUp(
        FollowUpMethod method,
        FollowUpOutcome outcome,
        string? note,
        Actor actor,
        DateTime now,
        ClassificationPolicy policy,
        FollowUpRules? rules = null,
        FollowUpCall? call = null)
    {
        Ensure(ComplaintMove.RecordFollowUp, actor);
        if (FollowUpRefusal(actor, rules ?? FollowUpRules.Default) is { } refusal)
        {
            throw refusal;
        }

        if (outcome is FollowUpOutcome.Satisfied or FollowUpOutcome.BasicallySatisfied)
        {
            EnsureMayClose();
        }

        var attemptedAt = call?.AttemptedAt ?? now;
        if (attemptedAt > now + AttemptClockSkew)
        {
            throw new DomainRuleException(RuleCodes.FollowUpAttemptTime, "回访时间不能晚于现在。");
        }

        if (ResolvedAt is { } resolvedAt && attemptedAt < resolvedAt)
        {
            throw new DomainRuleException(RuleCodes.FollowUpAttemptTime, "回访时间不能早于处理完成的时间。");
        }

        string? phoneCalled = null;
        if (method == FollowUpMethod.Phone)
        {
            phoneCalled = Blank(call?.PhoneCalled) is { } typed ? PhoneNumber.Parse(typed).Typed : Phone;
        }

        var second = NeedsSecondFollowUp;
        var followUp = new FollowUp(now, actor.Id, actor.Name, method, outcome, Blank(note), phoneCalled, attemptedAt);
        _followUps.Add(followUp);
        var called = phoneCalled is null ? string.Empty : $"（拨打 {PhoneNumber.Mask(phoneCalled)}）";
        var label = $"{(second ? "二次" : string.Empty)}{FollowUpLabels.Of(method)}回访：{FollowUpLabels.Of(outcome)}{called}";
        switch (outcome)
        {
            case FollowUpOutcome.Satisfied or FollowUpOutcome.BasicallySatisfied:
                FollowedUpAt = now;
                LastFollowUpOutcome = outcome;
                ClosedAt = now;
                NeedsSecondFollowUp = false;
                Move(ComplaintStatus.Closed, now, actor, TimelineKind.FollowUp, Blank(note), label);
                break;
            case FollowUpOutcome.Dissatisfied:
                FollowedUpAt = now;
                LastFollowUpOutcome = outcome;
                NeedsSecondFollowUp = true;
                Reopened(now);
                Move(ComplaintStatus.InProgress, now, actor, TimelineKind.FollowUp, Blank(note), label);
                RaiseAgain(actor, now, policy, "回访不满意，重新处理");
                break;
            default:
                FailedFollowUpAttempts++;
                Append(now, actor, TimelineKind.FollowUp, Status, Status, Blank(note), $"{label}（第 {FailedFollowUpAttempts} 次未联系上）");
                break;
        }
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not record this complaint's follow-up under <paramref name="rules"/>, or null
    /// when they may (the lifecycle table's own refusal aside).
    /// </summary>
    public DomainRuleException? FollowUpRefusal(Actor actor, FollowUpRules rules)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rules);

        // The severity first: for a major or important complaint no clerk may record it, the resolver or not.
        if (rules.SeniorForMajorAndImportant && Type == ComplaintType.A && Severity is Classification.Severity.Major or Classification.Severity.Important
            && !actor.IsIn(StaffRole.Supervisor) && !actor.IsIn(StaffRole.Manager))
        {
            return new DomainRuleException(
                RuleCodes.FollowUpSeniorRequired, $"按回访规则，{Classification.Labels.Of(Severity)}投诉须由客服主管或经理回访。");
        }

        if (rules.NotByResolver && ResolvedById is not null && ResolvedById == actor.Id)
        {
            return new DomainRuleException(RuleCodes.FollowUpByResolver, "按回访规则，回访不能由处理完成该投诉的人记录，请由其他同事回访。");
        }

        return null;
    }

    /// <summary>
    /// The unanswered attempts since the last resolution that count toward closing as 无法联系: every attempt, or with
    /// <see cref="FollowUpRules.UnreachableOnDifferentDays"/> one per local day of the attempts (needs
    /// <see cref="FollowUps"/> loaded).
    /// </summary>
    public int UnreachableAttemptsCounted(FollowUpRules rules, CompanyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!rules.UnreachableOnDifferentDays || FailedFollowUpAttempts == 0)
        {
            return FailedFollowUpAttempts;
        }

        var attempts = _followUps.Where(f => f.Outcome == FollowUpOutcome.Unreachable && ResolvedAt is { } resolvedAt && f.At >= resolvedAt).ToList();
        if (attempts.Count == 0)
        {
            throw new InvalidOperationException($"Complaint {Number}: the follow-ups must be loaded to count unanswered attempts by day.");
        }

        return attempts.Select(f => DateOnly.FromDateTime(calendar.ToLocal(f.AttemptedAt))).Distinct().Count();
    }

    /// <summary>结案（无法联系）: a supervisor closes after the complainant could not be reached often enough.</summary>
    public void CloseAsUnreachable(string reason, Actor actor, DateTime now, TimeLimitPolicy limits, FollowUpRules? rules = null, CompanyCalendar? calendar = null)
    {
        Ensure(ComplaintMove.CloseUnreachable, actor);
        ArgumentNullException.ThrowIfNull(limits);
        RequireReason(reason, "结案说明");
        EnsureMayClose();
        rules ??= FollowUpRules.Default;

        var needed = limits.FollowUpAttemptsBeforeUnreachable;
        var counted = UnreachableAttemptsCounted(rules, calendar ?? CompanyCalendar.Default);
        if (counted < needed)
        {
            throw new DomainRuleException(
                RuleCodes.FollowUpAttemptsTooFew,
                rules.UnreachableOnDifferentDays
                    ? $"回访未联系上 {FailedFollowUpAttempts} 次，分布在 {counted} 天；须在 {needed} 个不同的日子（北京时间）各尝试一次未联系上后，才能按无法联系结案。"
                    : $"回访未联系上 {FailedFollowUpAttempts} 次，满 {needed} 次后才能按无法联系结案。");
        }

        ClosedAt = now;
        NeedsSecondFollowUp = false;
        Move(ComplaintStatus.Closed, now, actor, TimelineKind.Closed, reason.Trim(), "无法联系");
    }

    /// <summary>重新打开: the complainant raised a closed complaint again; counts a raise and re-classifies.</summary>
    public void Reopen(string reason, Actor actor, DateTime now, ClassificationPolicy policy)
    {
        Ensure(ComplaintMove.Reopen, actor);
        RequireReason(reason, "重新打开原因");
        NeedsSecondFollowUp = false;
        Reopened(now);
        Move(ComplaintStatus.InProgress, now, actor, TimelineKind.Reopened, reason.Trim());
        RaiseAgain(actor, now, policy, "重新打开");
    }

    /// <summary>记录重复反映: the complainant raised this open complaint again (3.1.2(a) counts raises).</summary>
    public void RecordRepeatRaise(string? note, Actor actor, DateTime now, ClassificationPolicy policy)
    {
        Ensure(ComplaintMove.RecordRepeatRaise, actor);
        RaiseAgain(actor, now, policy, Blank(note) ?? "业主再次反映");
    }

    /// <summary>重新分类: a supervisor corrects the facts; the old result stays in the timeline.</summary>
    public ClassificationResult Reclassify(ClassificationFacts facts, string reason, Actor actor, DateTime now, ClassificationPolicy policy)
    {
        Ensure(ComplaintMove.Reclassify, actor);
        RequireReason(reason, "重新分类原因");
        CheckFacts(facts);
        return ChangeClassification(ReclassifiedFacts(facts, now), policy, now, actor, TimelineKind.Reclassified, reason.Trim());
    }

    /// <summary>
    /// What <see cref="Reclassify"/> with these facts would make of the complaint now, changing nothing: the result a
    /// supervisor sees beside the reclassify form while answering its questions.
    /// </summary>
    public ClassificationResult PreviewReclassification(ClassificationFacts facts, DateTime now, ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        CheckFacts(facts);
        return Classifier.Classify(ReclassifiedFacts(facts, now), policy);
    }

    /// <summary>The supervisor's answers plus what the complaint itself knows: its days unresolved and its incident's complainants.</summary>
    private ClassificationFacts ReclassifiedFacts(ClassificationFacts facts, DateTime now) =>
        facts with { DaysUnresolved = DaysUnresolvedAt(now), LinkedComplainantCount = Facts.LinkedComplainantCount };

    /// <summary>撤销: withdrawn by the complainant or a duplicate; supervisors only, with a reason.</summary>
    public void Withdraw(WithdrawReason reason, string note, Actor actor, DateTime now)
    {
        Ensure(ComplaintMove.Withdraw, actor);
        RequireReason(note, "撤销说明");
        WithdrawnAt = now;
        OnHoldSince = null;
        CancelUnfinishedActions(now);
        var why = reason == WithdrawReason.Duplicate ? "重复投诉" : "投诉人撤回";
        Move(ComplaintStatus.Withdrawn, now, actor, TimelineKind.Withdrawn, note.Trim(), why);
    }

    /// <summary>
    /// 3.1.2(c): the clock's automatic rule. An A complaint unresolved for the policy's days (calendar time,
    /// on hold included) becomes major. Returns whether it changed anything.
    /// </summary>
    public bool ApplyUnresolvedUpgrade(DateTime now, ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Type != ComplaintType.A || !Lifecycle.IsOpen(Status) || ClauseCodes.Includes(Clauses, ClauseCodes.MajorUnresolved))
        {
            return false;
        }

        var days = DaysUnresolvedAt(now);
        if (days < policy.DaysUnresolvedForMajor)
        {
            return false;
        }

        ChangeClassification(Facts with { DaysUnresolved = days }, policy, now, Actor.System, TimelineKind.UpgradedByClock,
            $"登记后 {days} 天仍未解决（{ClauseCodes.MajorUnresolved}）");
        return true;
    }

    /// <summary>Links the complaint into an incident (事件) whose distinct complainants are counted for 3.1.2(e).</summary>
    /// <param name="outlier">Set when the complaint is not plainly one of the incident (<see cref="IncidentFit"/>): why, and the
    /// supervisor's written reason for linking it anyway; both go into the timeline.</param>
    public void LinkToIncident(
        long incidentId, string incidentName, int incidentComplainants, Actor actor, DateTime now, ClassificationPolicy policy,
        (string Why, string Reason)? outlier = null)
    {
        if (!actor.IsSystem && !actor.IsIn(StaffRole.Supervisor))
        {
            throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以关联群体事件。");
        }

        if (Status == ComplaintStatus.Withdrawn)
        {
            throw new DomainRuleException(RuleCodes.MoveNotAllowedInStatus, "已撤销的投诉不能关联群体事件。");
        }

        var note = $"关联到事件「{incidentName}」，事件共 {incidentComplainants} 位投诉人";
        if (outlier is { } given)
        {
            var (why, reason) = given;
            if (!actor.IsSystem && !actor.IsIn(StaffRole.Supervisor))
            {
                throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以关联不在同一问题范围内的投诉。");
            }

            RequireReason(reason, "关联理由");
            note = $"{note}。{why}；主管关联理由：{reason.Trim()}";
        }

        IncidentId = incidentId;
        ChangeClassification(Facts with { LinkedComplainantCount = incidentComplainants, DaysUnresolved = DaysUnresolvedAt(now) },
            policy, now, actor, TimelineKind.LinkedToIncident, note);
    }

    /// <summary>
    /// Another complaint joined or left this one's incident, or a member was withdrawn or its joint count corrected: the
    /// distinct complainant count changed. <paramref name="why"/> says what happened, for the timeline entry a change
    /// of classification writes.
    /// </summary>
    public void UpdateIncidentSize(int incidentComplainants, Actor actor, DateTime now, ClassificationPolicy policy, string? why = null)
    {
        if (IncidentId is null)
        {
            throw new DomainRuleException(RuleCodes.NotLinked, "该投诉未关联群体事件。");
        }

        if (incidentComplainants == Facts.LinkedComplainantCount)
        {
            return;
        }

        var result = Classifier.Classify(Facts with { LinkedComplainantCount = incidentComplainants, DaysUnresolved = DaysUnresolvedAt(now) }, policy);
        if (result.Type == Type && result.Severity == Severity && result.ClauseCodes == Clauses && IsGroupOf(result) == IsGroup)
        {
            SetFacts(Facts with { LinkedComplainantCount = incidentComplainants }, policy);
            Version++;
            return;
        }

        ChangeClassification(Facts with { LinkedComplainantCount = incidentComplainants, DaysUnresolved = DaysUnresolvedAt(now) },
            policy, now, actor, TimelineKind.LinkedToIncident, Blank(why) ?? $"所属事件投诉人数变为 {incidentComplainants}");
    }

    /// <summary>Takes the complaint out of its incident and undoes what the link caused.</summary>
    public void UnlinkFromIncident(string? note, Actor actor, DateTime now, ClassificationPolicy policy)
    {
        if (!actor.IsSystem && !actor.IsIn(StaffRole.Supervisor))
        {
            throw new DomainRuleException(RuleCodes.RoleNotAllowed, "只有客服主管可以取消关联群体事件。");
        }

        if (IncidentId is null)
        {
            throw new DomainRuleException(RuleCodes.NotLinked, "该投诉未关联群体事件。");
        }

        IncidentId = null;
        ChangeClassification(Facts with { LinkedComplainantCount = 0, DaysUnresolved = DaysUnresolvedAt(now) },
            policy, now, actor, TimelineKind.UnlinkedFromIncident, Blank(note) ?? "取消关联群体事件");
    }

    /// <summary>Adds a timeline entry that changes nothing else (an overdue event, an acknowledgement, an attachment).</summary>
    public void Note(TimelineKind kind, string? note, string? detail, Actor actor, DateTime now)
    {
        Append(now, actor, kind, Status, Status, Blank(note), detail);
    }

    /// <summary>Whole calendar days since registration while unresolved; frozen at the resolution.</summary>
    public int DaysUnresolvedAt(DateTime now)
    {
        var end = Lifecycle.IsOpen(Status) ? now : ResolvedAt ?? ClosedAt ?? WithdrawnAt ?? now;
        return end <= RegisteredAt ? 0 : (int)Math.Floor((end - RegisteredAt).TotalDays);
    }

    /// <summary>Time on hold up to <paramref name="now"/>, including a hold still running.</summary>
    public TimeSpan OnHoldUntil(DateTime now) =>
        OnHoldTotal + (OnHoldSince is { } since && now > since ? now - since : TimeSpan.Zero);

    /// <summary>
    /// When the resolution is due: the clock start plus the limit plus time on hold, or a referral's 办结 deadline when
    /// that is earlier (a referral never loosens the procedure's own limit; <see cref="ReferralCompletionDueBinding"/>).
    /// </summary>
    public DateTime ResolutionDueAt(TimeLimitPolicy limits, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var own = ResolutionClockStart + limits.ResolutionLimit(Type, Severity) + OnHoldUntil(now);
        return ReferralCompletionDueBinding is { } referral && referral < own ? referral : own;
    }

    /// <summary>The moves <paramref name="actor"/> may make now: what pages turn into buttons.</summary>
    public IReadOnlyList<ComplaintMove> AllowedMoves(Actor actor, TimeLimitPolicy limits, FollowUpRules? rules = null, CompanyCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        rules ??= FollowUpRules.Default;
        return Lifecycle.Rules
            .Where(r => Lifecycle.Refusal(r.Move, Status, actor) is null)
            .Where(r => r.Move != ComplaintMove.RecordFollowUp || FollowUpRefusal(actor, rules) is null)
            .Where(r => r.Move != ComplaintMove.HandOver || HandOverRefusal(actor) is null)
            .Where(r => r.Move != ComplaintMove.CloseUnreachable || InvestigationCloseRefusal() is null)
            .Where(r => InvestigationMoveOffered(r.Move))
            .Where(r => r.Move != ComplaintMove.CloseUnreachable
                || UnreachableAttemptsCounted(rules, calendar ?? CompanyCalendar.Default) >= limits.FollowUpAttemptsBeforeUnreachable)
            .Select(r => r.Move)
            .ToList();
    }

    public void ClearEvents() => _events.Clear();

    /// <summary>
    /// Stores the due instants that queries filter on. Call after every change, with the limits in force.
    /// </summary>
    public void RefreshDeadlines(TimeLimitPolicy limits, ClassificationPolicy classification, DateTime now) =>
        Refresh(limits, classification, now, clockLookedAt: null);

    /// <summary>
    /// The clock has looked at the complaint at <paramref name="now"/> and recorded everything due by then: the due
    /// instants are stored as <see cref="RefreshDeadlines"/> stores them, and the clock next needs to look at the first
    /// instant after <paramref name="now"/> at which something new can fire.
    /// </summary>
    public void ClockChecked(TimeLimitPolicy limits, ClassificationPolicy classification, DateTime now) =>
        Refresh(limits, classification, now, clockLookedAt: now);

    private void Refresh(TimeLimitPolicy limits, ClassificationPolicy classification, DateTime now, DateTime? clockLookedAt)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(classification);
        var report = Deadlines.Evaluate(this, now, limits);
        ResolutionDue = Status == ComplaintStatus.Withdrawn ? null : ResolutionDueAt(limits, now);

        // The entries of this change keep the due instant as of their own instant: the monthly report's "overdue at
        // month end" reads the last entry before each cut (docs/decisions/0004-monthly-report.md).
        foreach (var entry in _unstamped)
        {
            entry.StampResolutionDue(Status == ComplaintStatus.Withdrawn ? null : ResolutionDueAt(limits, entry.At));
        }

        _unstamped.Clear();
        DateTime? next = null;
        foreach (var deadline in report.Deadlines)
        {
            // On hold stops the procedure's own limits; a referring body's deadlines keep running.
            if (Status != ComplaintStatus.OnHold || Deadline.IsReferral(deadline.Kind))
            {
                if (deadline.IsPending && (next is null || deadline.DueAt < next))
                {
                    next = deadline.DueAt;
                }
            }
        }

        NextDueAt = next;
        ClockDueAt = FirstClockInstant(report, classification, now, after: clockLookedAt);
    }

    /// <summary>
    /// The earliest instant (later than <paramref name="after"/> when given) at which the clock can have something to
    /// record: just after a pending limit falls due, when it is overdue by its whole limit again, 3.1.2(c)'s day count,
    /// and now for a major complaint (level 2 at once for the cycle). Null when none.
    /// </summary>
    private DateTime? FirstClockInstant(DeadlineReport report, ClassificationPolicy classification, DateTime now, DateTime? after)
    {
        if (Status is ComplaintStatus.Closed or ComplaintStatus.Withdrawn)
        {
            return null;
        }

        DateTime? first = null;
        void Consider(DateTime instant)
        {
            if ((after is null || instant > after) && (first is null || instant < first))
            {
                first = instant;
            }
        }

        foreach (var deadline in report.Deadlines)
        {
            if (Status != ComplaintStatus.OnHold || Deadline.IsReferral(deadline.Kind))
            {
                if (deadline.IsPending)
                {
                    // Overdue is strictly after the due instant (Deadline.IsOverdueAt); level 2 from due + limit on (LevelAt).
                    // One microsecond after, not one tick: the finest instant PostgreSQL stores (it would drop a tick).
                    Consider(deadline.DueAt.AddMicroseconds(1));
                    Consider(deadline.DueAt + deadline.Limit);
                }
            }
        }

        if (Type == ComplaintType.A && Lifecycle.IsOpen(Status) && !ClauseCodes.Includes(Clauses, ClauseCodes.MajorUnresolved))
        {
            Consider(RegisteredAt.AddDays(classification.DaysUnresolvedForMajor));
        }

        if (report.EscalatedBecauseMajor)
        {
            Consider(now);
        }

        return first;
    }

    /// <summary>A move that would close the complaint: refused while a rule beyond the lifecycle table holds it open.</summary>
    private void EnsureMayClose()
    {
        if (ReferralCloseRefusal() is { } refusal)
        {
            throw refusal;
        }

        // A major complaint needs an approved investigation (调查处理报告).
        if (InvestigationCloseRefusal() is { } noInvestigation)
        {
            throw noInvestigation;
        }
    }

    private void Ensure(ComplaintMove move, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Lifecycle.Refusal(move, Status, actor) is { } refusal)
        {
            throw refusal;
        }
    }

    private void Reopened(DateTime now)
    {
        ReopenCount++;
        ResolutionClockStart = now;
        OnHoldTotal = TimeSpan.Zero;
        ResolvedAt = null;
        HoursToResolve = null;
        ResolvedOnTime = null;
        ClosedAt = null;
        FailedFollowUpAttempts = 0;
        LastProgressAt = now;
    }

    private void RaiseAgain(Actor actor, DateTime now, ClassificationPolicy policy, string note)
    {
        var facts = Facts with
        {
            TimesRaisedUnresolved = Math.Min(Facts.TimesRaisedUnresolved + 1, FieldLimits.MaxTimesRaised),
            DaysUnresolved = DaysUnresolvedAt(now),
        };
        ChangeClassification(facts, policy, now, actor, TimelineKind.RepeatRaise, $"{note}（第 {facts.TimesRaisedUnresolved} 次反映）");
    }

    private ClassificationResult ChangeClassification(
        ClassificationFacts facts,
        ClassificationPolicy policy,
        DateTime now,
        Actor actor,
        TimelineKind kind,
        string note)
    {
        var before = $"{Type}/{Classification.Labels.Of(Severity)} [{Clauses}]";
        var result = ApplyClassification(facts, policy, now);
        Append(now, actor, kind, Status, Status, note, $"{before} → {result.Summary}");
        return result;
    }

    private ClassificationResult ApplyClassification(ClassificationFacts facts, ClassificationPolicy policy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var wasMajor = IsMajor;
        var flagsBefore = Flags;
        var result = Classifier.Classify(facts, policy);
        SetFacts(facts, policy);
        Type = result.Type;
        Severity = result.Severity;
        Clauses = result.ClauseCodes;
        Flags = string.Join(';', result.Flags);
        IsGroup = IsGroupOf(result);
        if (result.IsMajor && !wasMajor)
        {
            BecameMajorAt = now;
            LastProgressAt = Lifecycle.IsOpen(Status) && DispatchedAt is not null ? now : LastProgressAt;
            _events.Add(new ComplaintEvent(ComplaintEventKind.BecameMajor, now));
        }
        else if (!result.IsMajor)
        {
            BecameMajorAt = null;
        }

        // B and C are not graded, but a group, a government referral or the media make them a manager's business too.
        if (result.Flags.Any(f => IsManagersFlag(f) && !flagsBefore.Split(';').Contains(f.ToString())))
        {
            _events.Add(new ComplaintEvent(ComplaintEventKind.FlaggedForManagers, now));
        }

        Version++;
        return result;
    }

    private void SetFacts(ClassificationFacts facts, ClassificationPolicy policy)
    {
        Facts = facts;
        IsRepeat = facts.TimesRaisedUnresolved >= policy.RepeatRaises;
        IsGovernmentReferral = facts.GovernmentReferralWithSocialImpact;
    }

    /// <summary>The flags of a B/C complaint that reach managers (a group, a government referral, the media).</summary>
    public static bool IsManagersFlag(ComplaintFlag flag) =>
        flag is ComplaintFlag.Group or ComplaintFlag.GovernmentReferral or ComplaintFlag.Media;

    private static bool IsGroupOf(ClassificationResult result) =>
        result.Clauses.Any(c => c.Code == ClauseCodes.MajorGroup) || result.Flags.Contains(ComplaintFlag.Group);

    private void Move(ComplaintStatus to, DateTime now, Actor actor, TimelineKind kind, string? note, string? detail = null)
    {
        var from = Status;
        Status = to;
        Append(now, actor, kind, from, to, note, detail);
    }

    private void Append(DateTime now, Actor actor, TimelineKind kind, ComplaintStatus? from, ComplaintStatus? to, string? note, string? detail = null)
    {
        var entry = new TimelineEntry(now, actor.Id, actor.Name, kind, from, to, note, detail);
        _timeline.Add(entry);
        _unstamped.Add(entry);
        Version++;
    }

    private string DescribeAssignment()
    {
        var who = AssigneeName is null ? string.Empty : $"/{AssigneeName}";
        var party = ExternalParty is null ? string.Empty : $"（协调：{ExternalParty}）";
        return DepartmentId is null ? "未派单" : $"部门#{DepartmentId}{who}{party}";
    }

    private static TimeSpan TimeSpanRounded(TimeSpan span) => TimeSpan.FromMinutes(Math.Max(1, Math.Round(span.TotalMinutes)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, $"请填写{field}。");
        }
    }

    /// <summary>Text a move cannot do without (a reason, a progress note, a resolution): one rule code for all of them.</summary>
    private static void RequireReason(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(RuleCodes.ReasonRequired, $"请填写{field}。");
        }
    }

    private static void CheckFacts(ClassificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!Enum.IsDefined(facts.Cause))
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, "投诉原因无效。");
        }

        if (facts.TimesRaisedUnresolved is < 1 or > FieldLimits.MaxTimesRaised)
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, $"业主已反映次数必须在 1 到 {FieldLimits.MaxTimesRaised} 之间。");
        }

        if (facts.ComplainantCount is < 1 or > FieldLimits.MaxComplainantCount)
        {
            throw new DomainRuleException(RuleCodes.InvalidInput, $"投诉人数必须在 1 到 {FieldLimits.MaxComplainantCount} 之间。");
        }
    }
}

public enum ComplaintEventKind
{
    BecameMajor = 0,

    /// <summary>A B or C complaint newly got a group, government-referral or media flag: managers are told.</summary>
    FlaggedForManagers = 1,
}

/// <summary>Something that happened to a complaint that people outside it must hear of.</summary>
public sealed record ComplaintEvent(ComplaintEventKind Kind, DateTime At);

/// <summary>Chinese words for follow-up methods and outcomes.</summary>
public static class FollowUpLabels
{
    public static string Of(FollowUpMethod method) => method switch
    {
        FollowUpMethod.Phone => "电话",
        FollowUpMethod.Visit => "上门",
        FollowUpMethod.WeChat => "微信",
        _ => method.ToString(),
    };

    public static string Of(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.Satisfied => "满意",
        FollowUpOutcome.BasicallySatisfied => "基本满意",
        FollowUpOutcome.Dissatisfied => "不满意",
        FollowUpOutcome.Unreachable => "无法联系",
        _ => outcome.ToString(),
    };
}
