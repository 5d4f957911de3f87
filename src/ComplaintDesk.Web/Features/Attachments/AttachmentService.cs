using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintDesk.Web.Features.Attachments;

/// <summary>The <c>Attachments</c> configuration section.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxPerComplaint { get; set; } = 20;

    /// <summary>Folder for the files; relative to the app's data folder. Shared storage when several instances run.</summary>
    public string Folder { get; set; } = "attachments";

    /// <summary>Allowed extensions and the content type each is served with.</summary>
    public static IReadOnlyDictionary<string, string> AllowedTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}

/// <summary>A file too large for the limit; the API answers 413.</summary>
public sealed class AttachmentTooLargeException(long maxBytes)
    : Exception($"附件不能超过 {maxBytes / 1024 / 1024} MB。")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// Photos and documents of a complaint: checked for size and type, kept outside the database in the data
/// folder, and served only to staff who may see the complaint.
/// </summary>
public sealed class AttachmentService(
    ComplaintDeskDbContext db,
    ComplaintQueries queries,
    CurrentStaff staff,
    WriteGate gate,
    TimeProvider clock,
    IOptions<AttachmentOptions> options,
    IOptions<AppOptions> appOptions,
    IWebHostEnvironment environment,
    ILogger<AttachmentService> logger)
{
    private static readonly Dictionary<string, byte[][]> _signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = [[0xFF, 0xD8, 0xFF]],
        [".jpeg"] = [[0xFF, 0xD8, 0xFF]],
        [".png"] = [[0x89, 0x50, 0x4E, 0x47]],
        [".gif"] = [[0x47, 0x49, 0x46, 0x38]],
        [".webp"] = [[0x52, 0x49, 0x46, 0x46]],
        [".pdf"] = [[0x25, 0x50, 0x44, 0x46]],
        [".docx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".xlsx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".doc"] = [[0xD0, 0xCF, 0x11, 0xE0]],
        [".xls"] = [[0xD0, 0xCF, 0x11, 0xE0]],
    };

    private static readonly Func<ComplaintDeskDbContext, long, IAsyncEnumerable<Attachment>> _byComplaint = EF.CompileAsyncQuery<ComplaintDeskDbContext, long, Attachment>(
        (ComplaintDeskDbContext context, long complaintId) => context.Attachments.AsNoTracking().Where(a => a.ComplaintId == complaintId).OrderBy(a => a.Id));

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>A complaint's attachments, oldest first (read on every details page: compiled once).</summary>
    public async Task<List<Attachment>> ListAsync(long complaintId, CancellationToken cancellationToken = default)
    {
        var list = new List<Attachment>();
        await foreach (var attachment in _byComplaint(db, complaintId).WithCancellation(cancellationToken))
        {
            list.Add(attachment);
        }

        return list;
    }

    /// <summary>Stores a file for a complaint the caller may see; throws on a bad file, saves nothing then.</summary>
    public async Task<Attachment> AddAsync(long complaintId, string fileName, long length, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var complaintExists = await queries.Visible().AnyAsync(c => c.Id == complaintId, cancellationToken);
        if (!complaintExists)
        {
            throw new ComplaintNotFoundException(complaintId);
        }

        var name = TextInput.Clean(Path.GetFileName(fileName ?? string.Empty))?.Trim() ?? string.Empty;
        if (TextInput.HasBidiControl(name))
        {
            throw InputValidationException.For("File", "文件名含有改变文字方向的控制字符（如 U+202E），可能伪装文件类型，请重命名后再上传。");
        }

        var extension = Path.GetExtension(name);
        if (string.IsNullOrEmpty(name) || !AttachmentOptions.AllowedTypes.TryGetValue(extension, out var contentType))
        {
            throw InputValidationException.For("File", "只能上传图片（jpg、png、gif、webp）、PDF、Word、Excel 或文本文件。");
        }

        if (length <= 0)
        {
            throw InputValidationException.For("File", "请选择要上传的文件。");
        }

        if (length > options.Value.MaxBytes)
        {
            throw new AttachmentTooLargeException(options.Value.MaxBytes);
        }

        if (await db.Attachments.CountAsync(a => a.ComplaintId == complaintId, cancellationToken) >= options.Value.MaxPerComplaint)
        {
            throw TooMany();
        }

        if (TextInput.Length(name) > Attachment.FileNameLength)
        {
            name = TextInput.Truncate(name, Attachment.FileNameLength - extension.Length) + extension;
        }

        var key = Path.Combine(complaintId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long written;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            written = await CopyLimitedAsync(content, file, options.Value.MaxBytes, cancellationToken, path);
        }

        if (!await HasSignatureAsync(path, extension, cancellationToken))
        {
            File.Delete(path);
            throw InputValidationException.For("File", "文件内容与扩展名不符。");
        }

        var attachment = new Attachment
        {
            ComplaintId = complaintId,
            FileName = name,
            ContentType = contentType,
            Size = written,
            StorageKey = key,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedById = staff.UserId,
            UploadedByName = staff.DisplayName,
        };
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                // The cap holds under concurrent uploads: counted after the complaint is read, and saved with the
                // complaint's version as the concurrency token (the timeline entry bumps it), so of two uploads that
                // counted the same attachments only one commits; the other answers 409 (or, on SQLite behind the
                // write gate, counts again and sees the first).
                var complaint = await db.Complaints.SingleAsync(c => c.Id == complaintId, cancellationToken);
                if (await db.Attachments.CountAsync(a => a.ComplaintId == complaintId, cancellationToken) >= options.Value.MaxPerComplaint)
                {
                    throw TooMany();
                }

                complaint.Note(TimelineKind.AttachmentAdded, null, $"附件：{name}", staff.Actor, attachment.UploadedAt);
                db.Attachments.Add(attachment);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception ex) when (DatabaseFailures.IsConcurrencyConflict(ex))
                {
                    throw new ConcurrencyConflictException(complaint.Number);
                }

                logger.LogInformation("Attachment {FileName} added to complaint {ComplaintNumber} by {UserName}", name, complaint.Number, staff.UserName);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return attachment;
    }

    /// <summary>Opens an attachment of a complaint the caller may see, or null (answered as 404).</summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(long complaintId, long attachmentId, CancellationToken cancellationToken = default)
    {
        var visible = await queries.Visible().AnyAsync(c => c.Id == complaintId, cancellationToken);
        if (!visible)
        {
            return null;
        }

        var attachment = await db.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.ComplaintId == complaintId, cancellationToken);
        if (attachment is null || !File.Exists(PathOf(attachment.StorageKey)))
        {
            return null;
        }

        return (attachment, new FileStream(PathOf(attachment.StorageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    private InputValidationException TooMany() =>
        InputValidationException.For("File", $"每件投诉最多 {options.Value.MaxPerComplaint} 个附件。");

    private string PathOf(string key)
    {
        var root = Path.Combine(appOptions.Value.ResolveDataFolder(environment.ContentRootPath), options.Value.Folder);
        var full = Path.GetFullPath(Path.Combine(root, key));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Attachment key escapes the attachment folder.");
        }

        return full;
    }

    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, long max, CancellationToken cancellationToken, string path)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > max)
            {
                await target.DisposeAsync();
                File.Delete(path);
                throw new AttachmentTooLargeException(max);
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static async Task<bool> HasSignatureAsync(string path, string extension, CancellationToken cancellationToken)
    {
        if (!_signatures.TryGetValue(extension, out var signatures))
        {
            return true;
        }

        var head = new byte[8];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAsync(head, cancellationToken);
        return signatures.Any(s => read >= s.Length && head.AsSpan(0, s.Length).SequenceEqual(s));
    }
}
