namespace Sosyabot.Tests.Core.Media;

// A long upload that is never held in memory: a real file's first bytes, then zeros up to a length.
// Counts what was read, so a test can tell the reader stopped early.
public sealed class ProducingStream(byte[] head, long length) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - BytesRead);
        if (n <= 0) return 0;
        var span = buffer.AsSpan(offset, n);
        span.Clear();
        if (BytesRead < head.Length)
            head.AsSpan((int)BytesRead, (int)Math.Min(n, head.Length - BytesRead)).CopyTo(span);
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
