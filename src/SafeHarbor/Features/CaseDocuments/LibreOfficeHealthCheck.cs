using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafeHarbor.Documents;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// Whether this node can make PDFs: LibreOffice (<c>soffice</c>) found as a conversion finds it, from
/// <c>Documents:LibreOffice</c> or the PATH. Without it every page and DOCX works and PDF jobs fail with a reason,
/// so by default the node stays ready and answers Degraded; <c>Health:RequireLibreOffice=true</c> makes it not ready.
/// </summary>
public sealed class LibreOfficeHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var configured = configuration["Documents:LibreOffice"];
        if (PdfConverter.Find(configured) is { } found)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"LibreOffice：{found}"));
        }
        var status = configuration.GetValue("Health:RequireLibreOffice", false) ? HealthStatus.Unhealthy : HealthStatus.Degraded;
        var where = string.IsNullOrWhiteSpace(configured) ? "PATH 中没有 soffice 或 libreoffice" : $"Documents:LibreOffice 指向的 {configured} 不存在";
        return Task.FromResult(new HealthCheckResult(status, $"未找到 LibreOffice（{where}），无法生成 PDF；DOCX 文书不受影响。请安装 libreoffice-writer。"));
    }
}
