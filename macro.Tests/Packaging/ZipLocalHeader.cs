using System.Buffers.Binary;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// The raw local file headers of a zip, in file order. System.IO.Compression hides the extra
/// field, which reproducibility depends on (zip tools put timestamps and owner ids there).
/// </summary>
public sealed record ZipLocalHeader(string Name, ushort Flags, ushort ExtraFieldLength)
{
    private const uint Signature = 0x04034b50;

    public static IReadOnlyList<ZipLocalHeader> ReadAll(byte[] zip)
    {
        var headers = new List<ZipLocalHeader>();
        var offset = 0;
        while (offset + 30 <= zip.Length && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)) == Signature)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 6));
            var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset + 18));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 28));
            var name = System.Text.Encoding.UTF8.GetString(zip, offset + 30, nameLength);
            headers.Add(new ZipLocalHeader(name, flags, extraLength));

            // Bit 3 would put the sizes in a trailing data descriptor; the packager never sets it.
            if ((flags & 0x8) != 0)
            {
                break;
            }

            offset += 30 + nameLength + extraLength + checked((int)compressedSize);
        }

        return headers;
    }
}
