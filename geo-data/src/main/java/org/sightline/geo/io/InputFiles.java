package org.sightline.geo.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files for streaming: gzip is recognised by its magic bytes, a UTF-8 BOM is skipped. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * A UTF-8 reader over the (possibly gzip-compressed) file. Malformed bytes become U+FFFD rather
     * than failing the whole file. {@code listener} hears how many raw bytes have been consumed.
     *
     * @throws IOException if the file cannot be opened or its gzip header is broken
     */
    public static BufferedReader openText(Path file, ReadListener listener) throws IOException {
        long total = Files.size(file);
        InputStream raw = new CountingInputStream(Files.newInputStream(file), total, listener);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream content = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Counts bytes and reports progress about every megabyte. */
    private static final class CountingInputStream extends FilterInputStream {
        private final long total;
        private final ReadListener listener;
        private long count;
        private long lastReported;

        CountingInputStream(InputStream in, long total, ReadListener listener) {
            super(in);
            this.total = total;
            this.listener = listener == null ? ReadListener.NONE : listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - lastReported >= (1 << 20) || count == total) {
                lastReported = count;
                listener.progress(count, total);
            }
        }
    }
}
