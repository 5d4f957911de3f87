using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Api;

/// <summary>Upload, list and download of a complaint's attachments (the fixture allows 100 KB files).</summary>
public sealed class ApiAttachmentTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task Upload_Png_Answers201AndDownloadsTheSameBytes()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var uploaded = await ApiTestClient.JsonAsync(await UploadAsync(clerk, id, "现场.png", _png), HttpStatusCode.Created);
        var list = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}/attachments"), HttpStatusCode.OK);
        var download = await clerk.GetAsync(uploaded["href"]!.GetValue<string>());

        Assert.Equal("现场.png", uploaded["fileName"]!.GetValue<string>());
        Assert.Single(list.AsArray());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(_png, await download.Content.ReadAsByteArrayAsync());
        var detail = await ApiTestClient.JsonAsync(await clerk.GetAsync($"/api/v1/complaints/{id}"), HttpStatusCode.OK);
        Assert.Equal("AttachmentAdded", detail["timeline"]!.AsArray()[^1]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_TooLarge_Answers413AndStoresNothing()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        var big = new byte[150 * 1024];
        _png.CopyTo(big, 0);

        await ApiTestClient.ProblemAsync(await UploadAsync(clerk, id, "big.png", big), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Attachments.CountAsync(a => a.ComplaintId == id)));
    }

    [Fact]
    public async Task Upload_BodyOverTheEndpointLimit_Answers413()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        await ApiTestClient.ProblemAsync(await UploadAsync(clerk, id, "huge.png", new byte[400 * 1024]), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("script.exe")]
    [InlineData("fake.png")]
    public async Task Upload_WrongTypeOrContent_Answers400(string fileName)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        var problem = await ApiTestClient.ProblemAsync(await UploadAsync(clerk, id, fileName, "MZ not an image"u8.ToArray()), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["file"]);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Attachments.CountAsync(a => a.ComplaintId == id)));
    }

    [Fact]
    public async Task Upload_NoFilePart_Answers400()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var problem = await ApiTestClient.ProblemAsync(await clerk.Http.PostAsync(new Uri($"/api/v1/complaints/{id}/attachments", UriKind.Relative), form), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["file"]);
    }

    [Fact]
    public async Task Attachments_OfAnotherProject_Answer404()
    {
        using var clerk2 = await fixture.ClientAsync("clerk2");
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk2.RegisterAsync(projectId: 3);
        var uploaded = await ApiTestClient.JsonAsync(await UploadAsync(clerk2, id, "a.png", _png), HttpStatusCode.Created);

        await ApiTestClient.ProblemAsync(await clerk.GetAsync(uploaded["href"]!.GetValue<string>()), HttpStatusCode.NotFound);
        await ApiTestClient.ProblemAsync(await UploadAsync(clerk, id, "b.png", _png), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Download_UnknownAttachment_Answers404()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();

        await ApiTestClient.ProblemAsync(await clerk.GetAsync($"/api/v1/complaints/{id}/attachments/999999"), HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> UploadAsync(ApiTestClient client, long id, string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.Http.PostAsync(new Uri($"/api/v1/complaints/{id}/attachments", UriKind.Relative), form);
    }
}
