using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>
/// Builds the search index of complaints registered before it existed (or again, after the tokeniser changes): in id
/// order, a batch at a time, each batch's old tokens replaced in one transaction, so it can be stopped and run again
/// while the app serves (a complaint changed meanwhile gets its tokens from <see cref="SearchIndexInterceptor"/>).
/// </summary>
public sealed class SearchIndexBuilder(ComplaintDeskDbContext db)
{
    public const int BatchSize = 500;

    /// <summary>Rebuilds every complaint's tokens from <paramref name="fromId"/> on; reports complaints done. Returns tokens written.</summary>
    public async Task<long> RebuildAsync(long fromId = 0, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        long written = 0;
        var after = fromId - 1;
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            while (true)
            {
                var batch = await db.Complaints.AsNoTracking()
                    .Where(c => c.Id > after)
                    .OrderBy(c => c.Id)
                    .Take(BatchSize)
                    .Include(c => c.Timeline)
                    .Include(c => c.FollowUps)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return written;
                }

                var first = batch[0].Id;
                var last = batch[^1].Id;
                var strategy = db.Database.CreateExecutionStrategy();
                written += await strategy.ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await db.ComplaintSearchTerms.Where(t => t.ComplaintId >= first && t.ComplaintId <= last).ExecuteDeleteAsync(ct);
                    var count = 0;
                    foreach (var complaint in batch)
                    {
                        foreach (var token in SearchTokens.ForComplaint(complaint))
                        {
                            db.ComplaintSearchTerms.Add(new ComplaintSearchTerm { Token = token, ComplaintId = complaint.Id });
                            count++;
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    db.ChangeTracker.Clear();
                    return count;
                }, cancellationToken);
                after = last;
                done += batch.Count;
                progress?.Report(done);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }
}
