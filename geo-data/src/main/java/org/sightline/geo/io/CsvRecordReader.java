package org.sightline.geo.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks) and tracks
 * the line on which each record starts. Holds one record in memory at a time.
 */
public final class CsvRecordReader {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean eof;

    public CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or {@code null} at the end of input. A blank line gives a record
     * with one empty field.
     *
     * @throws IOException on a read failure (for example a truncated gzip stream)
     * @throws MalformedRecordException when a quoted field is not closed before the end of input
     */
    public List<String> next() throws IOException {
        if (!fill()) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(16);
        // only used for quoted fields and fields that straddle two buffer loads
        StringBuilder field = null;
        while (true) {
            if (!fill()) {
                fields.add(field == null ? "" : field.toString());
                return fields;
            }
            char c = buffer[pos];
            if (c == '"' && (field == null || field.length() == 0)) {
                pos++;
                field = readQuoted(field == null ? new StringBuilder(32) : field);
                continue;
            }
            int start = pos;
            while (pos < limit && (c = buffer[pos]) != ',' && c != '\n' && c != '\r') {
                pos++;
            }
            if (pos == limit) {
                field = (field == null ? new StringBuilder(32) : field).append(buffer, start, pos - start);
                continue;
            }
            fields.add(field == null ? new String(buffer, start, pos - start)
                    : field.append(buffer, start, pos - start).toString());
            field = null;
            pos++;
            if (c == ',') {
                continue;
            }
            if (c == '\r' && fill() && buffer[pos] == '\n') {
                pos++;
            }
            line++;
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote, up to and including the closing quote. */
    private StringBuilder readQuoted(StringBuilder sb) throws IOException {
        while (true) {
            if (!fill()) {
                throw new MalformedRecordException(recordLine, "a quoted field is not closed before the end of the file");
            }
            char c = buffer[pos++];
            if (c == '"') {
                if (fill() && buffer[pos] == '"') {
                    pos++;
                    sb.append('"');
                } else {
                    return sb;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                sb.append(c);
            }
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** A record that cannot be parsed at all; the reader cannot continue past it. */
    public static final class MalformedRecordException extends IOException {
        private final long line;

        public MalformedRecordException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
