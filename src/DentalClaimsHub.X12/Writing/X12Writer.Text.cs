using System.Text;

namespace DentalClaimsHub.X12.Writing;

public sealed partial class X12Writer
{
    private void CheckId(string id)
    {
        if (id.Length is < 2 or > 3 || !id.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{id}' is not a valid segment identifier (2 or 3 letters/digits).", nameof(id));
        }
    }

    /// <summary>Maps the segment's component/repetition separators to the writer's and rejects delimiters inside values.</summary>
    private string Translate(string value, X12Segment segment, int position)
    {
        var source = segment.Delimiters;
        var sameStructure = source.Component == Delimiters.Component && source.Repetition == Delimiters.Repetition;
        if (sameStructure && value.AsSpan().IndexOfAny(Delimiters.Element, Delimiters.Segment) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == source.Component)
            {
                builder.Append(Delimiters.Component);
            }
            else if (source.HasRepetition && c == source.Repetition)
            {
                builder.Append(Delimiters.HasRepetition ? Delimiters.Repetition : throw Reject(segment, position, c));
            }
            else if (Delimiters.IsDelimiter(c))
            {
                throw Reject(segment, position, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static ArgumentException Reject(X12Segment segment, int position, char c) =>
        new($"Element {segment.Id}{position:00} contains '{Printable(c)}', which is a delimiter of this interchange. "
            + "X12 has no escape mechanism: remove or replace the character before writing.");

    private static string Printable(char c) => char.IsControl(c) ? $"0x{(int)c:X2}" : c.ToString();

    private void WriteText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        EnsureSpace(Utf8.GetMaxByteCount(text.Length));
        _used += Utf8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void WriteChar(char c)
    {
        EnsureSpace(4);
        // Delimiters are single bytes in the input (the reader maps byte b to char b), so write them back as one byte.
        if (c < 0x100)
        {
            _buffer[_used++] = (byte)c;
        }
        else
        {
            _used += Utf8.GetBytes([c], _buffer.AsSpan(_used));
        }
    }

    private void WriteBytes(byte[] bytes)
    {
        EnsureSpace(bytes.Length);
        bytes.CopyTo(_buffer, _used);
        _used += bytes.Length;
    }

    private void EnsureSpace(int bytes)
    {
        if (_buffer.Length - _used >= bytes)
        {
            return;
        }

        if (_used + bytes <= FlushSize)
        {
            Array.Resize(ref _buffer, Math.Min(FlushSize, Math.Max(_buffer.Length * 2, _used + bytes)));
            return;
        }

        _stream.Write(_buffer, 0, _used);
        _used = 0;
        if (bytes > _buffer.Length)
        {
            _buffer = new byte[bytes];
        }
    }
}
