using System.Diagnostics;

namespace SafeHarbor.Documents;

public sealed class PdfUnavailableException(string message) : Exception(message);

/// <summary>
/// DOCX → PDF with LibreOffice headless, which keeps the GB/T 9704 page geometry. Each conversion
/// gets its own LibreOffice profile, so conversions never wait on another one's lock.
/// </summary>
public sealed class PdfConverter(string? executable = null)
{
    private static readonly string[] Candidates = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        foreach (var candidate in Candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
                continue;
            }
            var found = path.Select(dir => Path.Combine(dir, candidate)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        var soffice = Find(executable)
            ?? throw new PdfUnavailableException("服务器未安装 LibreOffice，无法生成 PDF；DOCX 文书仍可下载。请系统管理员安装 libreoffice-writer。");
        var work = Directory.CreateTempSubdirectory("safeharbor-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var info = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nofirststartwizard",
                         $"-env:UserInstallation=file://{Path.Combine(work.FullName, "profile")}",
                         "--convert-to", "pdf", "--outdir", work.FullName, input,
                     })
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["HOME"] = work.FullName;
            using var process = Process.Start(info) ?? throw new PdfUnavailableException("无法启动 LibreOffice。");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfUnavailableException("LibreOffice 转换超时（2 分钟），请稍后重试。");
            }
            var output = Path.Combine(work.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new PdfUnavailableException($"LibreOffice 未能生成 PDF（退出码 {process.ExitCode}）：{(await error).Trim()}");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice child may still hold a file for a moment; the temp folder is reclaimed later.
            }
        }
    }
}
