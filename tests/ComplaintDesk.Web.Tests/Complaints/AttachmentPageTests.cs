using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed partial class AttachmentPageTests : IAsyncLifetime
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;

    public async Task InitializeAsync()
    {
        _app.Settings["Attachments:MaxBytes"] = "2048";
        _clerk = await _app.SignInAsync("clerk");
    }

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upload_Png_IsListedAndDownloadsTheSameBytes()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var response = await UploadAsync(_clerk, id, "现场照片.png", _png);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("附件「现场照片.png」已上传。", html);
        Assert.Contains("单个文件不超过 2 KB", html);
        var link = DownloadLink().Match(html);
        Assert.True(link.Success);
        var download = await _clerk.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_png, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("上传附件", html);
    }

    [Fact]
    public async Task Upload_TooLarge_RefusedWithMessage()
    {
        var id = await Desk.RegisterAsync(_clerk);
        var big = _png.Concat(new byte[4096]).ToArray();

        var response = await UploadAsync(_clerk, id, "big.png", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("附件不能超过", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.Attachments.Count())));
    }

    [Theory]
    [InlineData("tool.exe")]
    [InlineData("photo.png.html")]
    public async Task Upload_WrongType_RefusedWithMessage(string fileName)
    {
        var id = await Desk.RegisterAsync(_clerk);

        var response = await UploadAsync(_clerk, id, fileName, _png);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"upload-error\">只能上传图片（jpg、png、gif、webp）、PDF、Word、Excel 或文本文件。</div>", html);
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.Attachments.Count())));
    }

    [Fact]
    public async Task Upload_ContentNotMatchingExtension_Refused()
    {
        var id = await Desk.RegisterAsync(_clerk);

        var response = await UploadAsync(_clerk, id, "fake.png", "<html>not an image</html>"u8.ToArray());

        Assert.Contains("文件内容与扩展名不符。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Download_AnotherProjectsAttachment_Answers404()
    {
        var id = await Desk.RegisterAsync(_clerk);
        await UploadAsync(_clerk, id, "photo.png", _png);
        var attachmentId = await _app.WithDbAsync(db => Task.FromResult(db.Attachments.Single().Id));
        using var clerk2 = await _app.SignInAsync("clerk2");

        var response = await clerk2.GetAsync($"/Complaints/{id}?handler=Attachment&attachmentId={attachmentId}");
        var upload = await UploadAsync(clerk2, id, "mine.png", _png, "/Complaints/Create");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync($"/Complaints/{id}?handler=Attachment&attachmentId=999")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(DeskClient client, long id, string fileName, byte[] bytes, string? tokenPage = null)
    {
        var page = await client.GetPageAsync(tokenPage ?? $"/Complaints/{id}");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        form.Add(new StringContent(DeskClient.AntiforgeryToken(page)!), "__RequestVerificationToken");
        return await client.Http.PostAsync(new Uri($"/Complaints/{id}?handler=Upload", UriKind.Relative), form);
    }

    [GeneratedRegex("<a href=\"([^\"]+handler=Attachment[^\"]+)\">")]
    private static partial Regex DownloadLink();
}
