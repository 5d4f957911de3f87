using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintDesk.Data;

/// <summary>
/// Keeps the search index (<see cref="ComplaintSearchTerm"/>) in step with complaints: a SaveChanges that adds a
/// complaint adds its tokens; one that adds a timeline note or a follow-up, or records a resolution, adds the tokens the
/// complaint did not have yet. The rows are written by the same SaveChanges, so in the same transaction: a complaint is
/// findable the moment its change is committed. Tokens are only added (a complaint's text is never edited; a
/// resolution written again after a reopening leaves the first one's tokens, which its timeline keeps anyway).
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    public static readonly SearchIndexInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var (added, more) = Pending(context);
            AddNew(context, added);
            foreach (var (complaintId, tokens) in more)
            {
                var list = tokens.ToList();
                var existing = context.Set<ComplaintSearchTerm>().AsNoTracking()
                    .Where(t => t.ComplaintId == complaintId && list.Contains(t.Token)).Select(t => t.Token).ToList();
                AddMissing(context, complaintId, tokens, existing);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var (added, more) = Pending(context);
            AddNew(context, added);
            foreach (var (complaintId, tokens) in more)
            {
                var list = tokens.ToList();
                var existing = await context.Set<ComplaintSearchTerm>().AsNoTracking()
                    .Where(t => t.ComplaintId == complaintId && list.Contains(t.Token)).Select(t => t.Token).ToListAsync(cancellationToken);
                AddMissing(context, complaintId, tokens, existing);
            }
        }

        return result;
    }

    /// <summary>Complaints being added, and the new tokens of existing complaints by id.</summary>
    private static (List<Complaint> Added, Dictionary<long, HashSet<string>> More) Pending(DbContext context)
    {
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var added = new List<Complaint>();
        var addedIds = new HashSet<long>();
        var more = new Dictionary<long, HashSet<string>>();
        var entries = context.ChangeTracker.Entries().ToList();
        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Added, Entity: Complaint complaint })
            {
                added.Add(complaint);
                addedIds.Add((long)entry.Property(nameof(Complaint.Id)).CurrentValue!);
            }
        }

        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case TimelineEntry { Note: { Length: > 0 } note } timeline when entry.State == EntityState.Added && !addedIds.Contains(timeline.ComplaintId):
                    SearchTokens.AddText(For(more, timeline.ComplaintId), note);
                    break;
                case TimelineEntry { Kind: TimelineKind.ReferralRecorded } recorded when entry.State == EntityState.Added && !addedIds.Contains(recorded.ComplaintId):
                    // A referral recorded on an existing complaint: its ticket number finds it from now on.
                    var referred = context.ChangeTracker.Entries<Complaint>().FirstOrDefault(c => c.Entity.Id == recorded.ComplaintId)?.Entity;
                    SearchTokens.AddText(For(more, recorded.ComplaintId), referred?.Referral?.TicketNumber);
                    break;
                case FollowUp { Note: { Length: > 0 } note } followUp when entry.State == EntityState.Added && !addedIds.Contains(followUp.ComplaintId):
                    SearchTokens.AddText(For(more, followUp.ComplaintId), note);
                    break;
                case Complaint { Resolution: { Length: > 0 } resolution } complaint
                    when entry.State == EntityState.Modified && entry.Property(nameof(Complaint.Resolution)).IsModified:
                    SearchTokens.AddText(For(more, complaint.Id), resolution);
                    break;
            }
        }

        return (added, more);
    }

    private static HashSet<string> For(Dictionary<long, HashSet<string>> more, long complaintId)
    {
        if (!more.TryGetValue(complaintId, out var tokens))
        {
            tokens = new HashSet<string>(StringComparer.Ordinal);
            more[complaintId] = tokens;
        }

        return tokens;
    }

    private static void AddNew(DbContext context, List<Complaint> added)
    {
        var terms = context.Set<ComplaintSearchTerm>();
        foreach (var complaint in added)
        {
            foreach (var token in SearchTokens.ForComplaint(complaint))
            {
                terms.Add(new ComplaintSearchTerm { Token = token, Complaint = complaint });
            }
        }
    }

    private static void AddMissing(DbContext context, long complaintId, HashSet<string> tokens, List<string> existing)
    {
        tokens.ExceptWith(existing);
        var tracked = context.ChangeTracker.Entries<ComplaintSearchTerm>()
            .Where(e => e.Entity.ComplaintId == complaintId).Select(e => e.Entity.Token).ToList();
        tokens.ExceptWith(tracked);
        var terms = context.Set<ComplaintSearchTerm>();
        foreach (var token in tokens)
        {
            terms.Add(new ComplaintSearchTerm { Token = token, ComplaintId = complaintId });
        }
    }
}
