namespace Credentials.Core.Documents;

/// <summary>Base des flux en écriture seule, non positionnables, dont les rendus ont besoin entre PDFsharp, ZipArchive et la sortie.</summary>
internal abstract class FluxEcritureSeule : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
