using ComplaintDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>The supervision tables (escalations, incidents, notifications, mail outbox) of the one context.</summary>
public static class EscalationSets
{
    public static DbSet<EscalationEvent> EscalationEvents(this ComplaintDeskDbContext db) => Db(db).Set<EscalationEvent>();

    public static DbSet<Incident> Incidents(this ComplaintDeskDbContext db) => Db(db).Set<Incident>();

    public static DbSet<Notification> Notifications(this ComplaintDeskDbContext db) => Db(db).Set<Notification>();

    public static DbSet<OutboxMail> OutboxMails(this ComplaintDeskDbContext db) => Db(db).Set<OutboxMail>();

    private static ComplaintDeskDbContext Db(ComplaintDeskDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db;
    }
}
