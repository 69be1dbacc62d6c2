using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeHarbor.Crypto;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.TestSupport;
using static SafeHarbor.IntegrationTests.Audit.ChainTampering;

namespace SafeHarbor.IntegrationTests.ArchivePackage;

/// <summary>
/// The archive package's manifest carries the installation's SM2 signature: <c>archive verify</c> names the key, and a
/// manifest rewritten to fit a changed file — which passes every hash — fails on its signature.
/// </summary>
[Article("5(6)")]
public sealed class ArchiveSignatureTests
{
    private static string TempZip() => Path.Combine(Path.GetTempPath(), "safeharbor-tests", $"signed-{Guid.NewGuid():N}.zip");

    /// <summary>Changes one file and rewrites the manifest's size and hashes of it, as someone who read the format would.</summary>
    private static byte[] ChangeFileAndManifest(byte[] package, string path)
    {
        byte[] changed = [];
        return ZipRewrite.Copy(ZipRewrite.Copy(package, (name, content) =>
        {
            if (name != path)
            {
                return content;
            }
            changed = [.. content, .. "改"u8.ToArray()];
            return changed;
        }), (name, content) =>
        {
            if (name != ArchivePackageFormat.ManifestPath)
            {
                return content;
            }
            var manifest = JsonNode.Parse(content)!;
            var file = manifest["files"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == path)!;
            file["size"] = changed.Length;
            file["sha256"] = Convert.ToHexStringLower(SHA256.HashData(changed));
            file["sm3"] = Sm3.HashHex(changed);
            return JsonSerializer.SerializeToUtf8Bytes(manifest, ArchivePackageFormat.ManifestJson);
        });
    }

    [Theory, AllDatabases]
    public async Task The_manifest_is_signed_and_a_manifest_rewritten_to_fit_a_changed_file_fails(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        var cli = CliSettings(app);
        cli["Storage:Directory"] = app.StorageDirectory;
        var key = Sm2Signer.FromPrivateKeyHex(await File.ReadAllTextAsync(app.Settings["Audit:SigningKeyPath"]!));
        var path = TempZip();
        var exported = await AdminCli.RunAsync(["archive", "export", "--case", c.Number, "--out", path], cli);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var package = await File.ReadAllBytesAsync(path);

        // The installation's key, found through the configuration; without it the fingerprint is named for comparison.
        var verified = await AdminCli.RunAsync(["archive", "verify", path], cli);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains($"清单签名有效：SM2 密钥指纹 {key.Fingerprint}（本系统的密钥）。", verified.Output);
        var elsewhere = await AdminCli.RunAsync(["archive", "verify", path], new Dictionary<string, string?> { ["Audit:SigningKeyPath"] = path + ".nokey" });
        Assert.True(elsewhere.ExitCode == 0, elsewhere.ToString());
        Assert.Contains($"SM2 密钥指纹 {key.Fingerprint}（本机没有系统密钥", elsewhere.Output);
        Assert.Equal(0, (await AdminCli.RunAsync(["archive", "verify", path, "--public-key", key.PublicKeyHex])).ExitCode);

        // A changed document with its manifest entry rewritten: every hash agrees, the signature does not.
        string document;
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            document = zip.Entries.First(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)).FullName;
        }
        await File.WriteAllBytesAsync(path, ChangeFileAndManifest(package, document));
        var rewritten = await AdminCli.RunAsync(["archive", "verify", path], cli);
        Assert.True(rewritten.ExitCode == 1, rewritten.ToString());
        Assert.Contains("清单签名无效：manifest.json 或 manifest.json.sig 在签名后被改动", rewritten.Error);
        Assert.DoesNotContain("内容被修改", rewritten.Error);

        // The same, re-signed with the forger's own key: valid as a signature, refused as not the installation's.
        var forger = Sm2Signer.Generate();
        var resigned = ZipRewrite.Copy(ChangeFileAndManifest(package, document), (name, content) => name == ArchivePackageFormat.SignaturePath ? null : content);
        byte[] manifestBytes;
        using (var zip = new ZipArchive(new MemoryStream(resigned), ZipArchiveMode.Read))
        using (var m = new MemoryStream())
        {
            await zip.GetEntry(ArchivePackageFormat.ManifestPath)!.Open().CopyToAsync(m);
            manifestBytes = m.ToArray();
        }
        var signature = new ArchivePackageSignature(ArchivePackageSignature.AlgorithmName, forger.PublicKeyHex, forger.Fingerprint, forger.Sign(manifestBytes));
        await File.WriteAllBytesAsync(path, ZipRewrite.Copy(resigned, (_, content) => content,
            (ArchivePackageFormat.SignaturePath, JsonSerializer.SerializeToUtf8Bytes(signature, ArchivePackageFormat.ManifestJson))));
        var byForger = await AdminCli.RunAsync(["archive", "verify", path], cli);
        Assert.True(byForger.ExitCode == 1, byForger.ToString());
        Assert.Contains($"清单由另一把密钥签名（指纹 {forger.Fingerprint}），不是应有的密钥（指纹 {key.Fingerprint}）", byForger.Error);

        // The signature removed: unsigned is not intact.
        await File.WriteAllBytesAsync(path, ZipRewrite.Copy(package, (name, content) => name == ArchivePackageFormat.SignaturePath ? null : content));
        var unsigned = await AdminCli.RunAsync(["archive", "verify", path], cli);
        Assert.True(unsigned.ExitCode == 1, unsigned.ToString());
        Assert.Contains("清单未签名", unsigned.Error);
        File.Delete(path);
    }
}
