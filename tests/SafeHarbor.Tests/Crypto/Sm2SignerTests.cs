using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Security;
using SafeHarbor.Crypto;

namespace SafeHarbor.Tests.Crypto;

/// <summary>
/// SM2 with SM3 on sm2p256v1 and the default user ID, against the signing example of GB/T 32918.5-2017
/// (GM/T 0003.5) appendix A (known private key, message "message digest", fixed k → known r and s),
/// then round trips: a signature verifies, a changed byte, another key or a damaged signature does not.
/// </summary>
public sealed class Sm2SignerTests
{
    private const string ExampleD = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";
    private const string ExampleX = "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020";
    private const string ExampleY = "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private const string ExampleK = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";
    private const string ExampleR = "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3";
    private const string ExampleS = "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";

    /// <summary>Hands out the example's k as the "random" bytes the signer draws.</summary>
    private sealed class FixedK(string hex) : SecureRandom
    {
        private readonly byte[] k = Convert.FromHexString(hex);

        public override void NextBytes(byte[] buf) => NextBytes(buf.AsSpan());

        public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer) => k.AsSpan(0, buffer.Length).CopyTo(buffer);
    }

    [Fact]
    public void The_standards_example_key_pair_and_signature_come_out_exactly()
    {
        var signer = Sm2Signer.FromPrivateKeyHex(ExampleD);
        Assert.Equal("04" + ExampleX + ExampleY, signer.PublicKeyHex);

        var message = Encoding.ASCII.GetBytes("message digest");
        var signature = signer.Sign(message, new FixedK(ExampleK));
        var sequence = (Asn1Sequence)Asn1Object.FromByteArray(Convert.FromHexString(signature));
        Assert.Equal(ExampleR, Convert.ToHexStringLower(DerInteger.GetInstance(sequence[0]).Value.ToByteArrayUnsigned()));
        Assert.Equal(ExampleS, Convert.ToHexStringLower(DerInteger.GetInstance(sequence[1]).Value.ToByteArrayUnsigned()));
        Assert.True(Sm2Signer.Verify(signer.PublicKeyHex, message, signature));
    }

    [Fact]
    public void A_signature_verifies_and_fails_for_a_changed_message_another_key_or_a_damaged_signature()
    {
        var signer = Sm2Signer.Generate();
        var other = Sm2Signer.Generate();
        var data = Encoding.UTF8.GetBytes("{\"bureauCode\":\"qh\",\"sequence\":100}");
        var signature = signer.Sign(data);

        Assert.True(Sm2Signer.Verify(signer.PublicKeyHex, data, signature));
        var changed = data.ToArray();
        changed[^2] ^= 1;
        Assert.False(Sm2Signer.Verify(signer.PublicKeyHex, changed, signature));
        Assert.False(Sm2Signer.Verify(other.PublicKeyHex, data, signature));
        var damaged = signature[..^2] + (signature[^2..] == "00" ? "01" : "00");
        Assert.False(Sm2Signer.Verify(signer.PublicKeyHex, data, damaged));
        Assert.False(Sm2Signer.Verify(signer.PublicKeyHex, data, "not hex"));
        Assert.False(Sm2Signer.Verify("04abcd", data, signature));
    }

    [Fact]
    public void A_key_survives_its_hex_form_and_is_named_by_the_sm3_of_its_public_key()
    {
        var signer = Sm2Signer.Generate();
        var again = Sm2Signer.FromPrivateKeyHex(signer.PrivateKeyHex);
        Assert.Equal(signer.PublicKeyHex, again.PublicKeyHex);
        Assert.Equal(Sm3.HashHex(Convert.FromHexString(signer.PublicKeyHex))[..16], signer.Fingerprint);
        Assert.Equal(16, signer.Fingerprint.Length);
        Assert.Throws<ArgumentException>(() => Sm2Signer.FromPrivateKeyHex("1234"));
        Assert.Throws<ArgumentException>(() => Sm2Signer.FromPrivateKeyHex(new string('0', 64)));
    }
}
