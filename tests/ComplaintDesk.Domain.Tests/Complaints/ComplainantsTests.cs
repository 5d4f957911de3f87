using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Tests.Complaints;

public sealed class ComplainantsTests
{
    private static ComplainantEntry Entry(string name, string? phone, int joint = 1) =>
        new(name, phone is null ? null : PhoneNumber.Parse(phone).Normalized, joint);

    [Fact]
    public void Distinct_SamePersonTwiceAndJointComplaint_CountsPeopleNotComplaints()
    {
        var count = Complainants.Distinct(
        [
            Entry("张三", "138 0000 1234"),
            Entry(" 张三", "+86 13800001234"),
            Entry("李四", "13900001111", 12),
            Entry("王五", "13700002222"),
        ]);

        Assert.Equal(14, count);
    }

    [Fact]
    public void Distinct_OnePhoneTwoNames_CountsOnce()
    {
        // An owner who gives "王先生" once and "王建国" the next time, on the same phone, is one person.
        var count = Complainants.Distinct([Entry("王先生", "13812341234"), Entry("王建国", "138-1234-1234")]);

        Assert.Equal(1, count);
    }

    [Fact]
    public void Distinct_OneNameTwoPhones_CountsTwice()
    {
        // Two owners called 张伟 with phones of their own are two people.
        var count = Complainants.Distinct([Entry("张伟", "13812341234"), Entry("张伟", "13912341234")]);

        Assert.Equal(2, count);
    }

    [Fact]
    public void Distinct_NoReadablePhone_FallsBackToTheName()
    {
        var count = Complainants.Distinct([Entry("刘女士", null), Entry(" 刘女士", null), Entry("陈先生", null), Entry("刘女士", "13812341234")]);

        Assert.Equal(3, count);
    }

    [Fact]
    public void Distinct_JointComplaintOnOnePhoneTwice_CountsItsLargestJointCountOnce()
    {
        var count = Complainants.Distinct([Entry("业主代表", "13812341234", 12), Entry("业主代表老李", "13812341234", 8)]);

        Assert.Equal(12, count);
    }
}
