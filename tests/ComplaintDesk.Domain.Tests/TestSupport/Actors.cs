using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Tests.TestSupport;

/// <summary>One member of staff per role.</summary>
public static class Actors
{
    public static Actor Clerk { get; } = Actor.Staff("c1", "张三", StaffRole.Clerk);

    /// <summary>Another clerk: who follows up what <see cref="Clerk"/> resolved.</summary>
    public static Actor Caller { get; } = Actor.Staff("c2", "周回访", StaffRole.Clerk);

    public static Actor Supervisor { get; } = Actor.Staff("s1", "李主管", StaffRole.Supervisor);

    public static Actor Manager { get; } = Actor.Staff("m1", "王经理", StaffRole.Manager);

    public static Actor Admin { get; } = Actor.Staff("a1", "赵管理员", StaffRole.Admin);

    public static Actor With(StaffRole role) => role switch
    {
        StaffRole.Clerk => Clerk,
        StaffRole.Supervisor => Supervisor,
        StaffRole.Manager => Manager,
        StaffRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
