using System.IO.Compression;
using System.Text;

namespace SafeHarbor.TestSupport;

/// <summary>Tampering with an archive package, as the verify tests of both test projects do.</summary>
internal static class ZipRewrite
{
    /// <summary>A copy of the ZIP with entries changed (null drops one), then entries added.</summary>
    public static byte[] Copy(byte[] zip, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] added)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            foreach (var entry in source.Entries)
            {
                using var read = new MemoryStream();
                using (var s = entry.Open())
                {
                    s.CopyTo(read);
                }
                if (change(entry.FullName, read.ToArray()) is { } content)
                {
                    using var w = target.CreateEntry(entry.FullName).Open();
                    w.Write(content);
                }
            }
            foreach (var (name, content) in added)
            {
                using var w = target.CreateEntry(name).Open();
                w.Write(content);
            }
        }
        return output.ToArray();
    }
}
