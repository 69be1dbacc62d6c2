using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using BcSm2Signer = Org.BouncyCastle.Crypto.Signers.SM2Signer;

namespace SafeHarbor.Crypto;

/// <summary>
/// SM2 signatures with SM3 (GB/T 32918.2-2016, GM/T 0003) on the recommended curve sm2p256v1, through
/// BouncyCastle, with the standard's default user ID <c>1234567812345678</c> (GM/T 0009). Beside
/// <see cref="Sm3"/>: the one place the project signs, so a certified crypto device can replace it here.
/// Keys and signatures travel as lower-case hex: the private key as 32 bytes, the public key uncompressed
/// (<c>04 || x || y</c>), the signature DER-encoded (SEQUENCE of r and s, as GM/T 0009 encodes it).
/// </summary>
public sealed class Sm2Signer
{
    private static readonly ECDomainParameters Curve = new(GMNamedCurves.GetByName("sm2p256v1"));
    private static readonly byte[] DefaultUserId = Encoding.ASCII.GetBytes("1234567812345678");

    private readonly ECPrivateKeyParameters privateKey;

    private Sm2Signer(BigInteger d)
    {
        if (d.SignValue <= 0 || d.CompareTo(Curve.N.Subtract(BigInteger.One)) >= 0)
        {
            throw new ArgumentException("SM2 私钥超出取值范围 [1, n-2]。");
        }
        privateKey = new ECPrivateKeyParameters(d, Curve);
        PublicKeyHex = Convert.ToHexStringLower(Curve.G.Multiply(d).Normalize().GetEncoded(false));
        Fingerprint = FingerprintOf(PublicKeyHex);
    }

    /// <summary>Uncompressed public key, 130 hex digits starting with 04.</summary>
    public string PublicKeyHex { get; }

    /// <summary>How the key is named everywhere: the first 16 hex digits of the SM3 of the public key's bytes.</summary>
    public string Fingerprint { get; }

    public string PrivateKeyHex => Convert.ToHexStringLower(privateKey.D.ToByteArrayUnsigned()).PadLeft(64, '0');

    public static Sm2Signer Generate()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        return new Sm2Signer(((ECPrivateKeyParameters)generator.GenerateKeyPair().Private).D);
    }

    /// <summary>A signer from a private key of 64 hex digits; throws <see cref="ArgumentException"/> on anything else.</summary>
    public static Sm2Signer FromPrivateKeyHex(string hex)
    {
        var text = hex.Trim();
        if (text.Length != 64 || !text.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("SM2 私钥应为 64 位十六进制数。");
        }
        return new Sm2Signer(new BigInteger(1, Convert.FromHexString(text)));
    }

    public static string FingerprintOf(string publicKeyHex) =>
        Sm3.HashHex(Convert.FromHexString(publicKeyHex.Trim()))[..16];

    /// <summary>Signs with a fresh random k.</summary>
    public string Sign(ReadOnlySpan<byte> data) => Sign(data, new SecureRandom());

    /// <summary>Signs drawing k from <paramref name="random"/>: a known-answer test fixes k this way.</summary>
    public string Sign(ReadOnlySpan<byte> data, SecureRandom random)
    {
        var signer = new BcSm2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, random), DefaultUserId));
        signer.BlockUpdate(data);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    /// <summary>False for a wrong signature, a malformed key or malformed hex: never throws for bad input.</summary>
    public static bool Verify(string publicKeyHex, ReadOnlySpan<byte> data, string signatureHex)
    {
        ECPoint point;
        byte[] signature;
        try
        {
            point = Curve.Curve.DecodePoint(Convert.FromHexString(publicKeyHex.Trim()));
            signature = Convert.FromHexString(signatureHex.Trim());
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
        var signer = new BcSm2Signer();
        signer.Init(false, new ParametersWithID(new ECPublicKeyParameters(point, Curve), DefaultUserId));
        signer.BlockUpdate(data);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
