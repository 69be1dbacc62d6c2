using Org.BouncyCastle.Crypto.Digests;

namespace SafeHarbor.Crypto;

/// <summary>
/// SM3 (GB/T 32905-2016) through BouncyCastle. The one place the project touches a 国密 primitive,
/// so a certified device can replace it here.
/// </summary>
public sealed class Sm3
{
    private readonly SM3Digest digest = new();

    public void Append(ReadOnlySpan<byte> data) => digest.BlockUpdate(data);

    public string FinishHex()
    {
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    public static string HashHex(ReadOnlySpan<byte> data)
    {
        var sm3 = new Sm3();
        sm3.Append(data);
        return sm3.FinishHex();
    }

    public static string HashHex(string text) => HashHex(System.Text.Encoding.UTF8.GetBytes(text));
}
