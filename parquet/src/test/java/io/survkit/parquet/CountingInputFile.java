package io.survkit.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** An input file that adds up the bytes read through it. */
final class CountingInputFile implements InputFile {
    private final InputFile file;
    private final long[] read;

    CountingInputFile(InputFile file, long[] read) {
        this.file = file;
        this.read = read;
    }

    @Override
    public long getLength() throws IOException {
        return file.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        SeekableInputStream in = file.newStream();
        return new SeekableInputStream() {
            @Override
            public long getPos() throws IOException {
                return in.getPos();
            }

            @Override
            public void seek(long p) throws IOException {
                in.seek(p);
            }

            @Override
            public void readFully(byte[] b) throws IOException {
                in.readFully(b);
                read[0] += b.length;
            }

            @Override
            public void readFully(byte[] b, int off, int len) throws IOException {
                in.readFully(b, off, len);
                read[0] += len;
            }

            @Override
            public int read(ByteBuffer b) throws IOException {
                int n = in.read(b);
                read[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public void readFully(ByteBuffer b) throws IOException {
                read[0] += b.remaining();
                in.readFully(b);
            }

            @Override
            public int read() throws IOException {
                int c = in.read();
                read[0] += c < 0 ? 0 : 1;
                return c;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
