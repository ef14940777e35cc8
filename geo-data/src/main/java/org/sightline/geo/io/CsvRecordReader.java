package org.sightline.geo.io;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Streams RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks) and tracks
 * the line on which each record starts. Holds one record in memory at a time. Readers of files
 * with a header use {@link #header} and {@link #forEachRecord}, which report what they cannot
 * read on a {@link ReadTally} and never stop a file for one bad row; others call {@link #next()}.
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

    /**
     * Opens {@code file} (plain or gzip, see {@link InputFiles#openText}) and hands a reader over it
     * to {@code body}. A file that is missing or cannot be opened is reported as the tally's file
     * problem rather than thrown.
     */
    public static void read(Path file, ReadListener listener, ReadTally tally, Consumer<CsvRecordReader> body) {
        try (BufferedReader text = InputFiles.openText(file, listener)) {
            body.accept(new CsvRecordReader(text));
        } catch (NoSuchFileException e) {
            tally.fileProblem(0, "file not found: " + file);
        } catch (ZipException e) {
            tally.fileProblem(0, "not a readable gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            tally.fileProblem(0, "cannot read the file: " + describe(e));
        }
    }

    /**
     * The header record, or empty after reporting on {@code tally} why there is none: the file is
     * empty (or holds one blank line), or its first line cannot be read.
     *
     * @param expected the header the caller wants, for the message about an empty file
     */
    public Optional<List<String>> header(ReadTally tally, String expected) {
        List<String> header;
        try {
            header = next();
        } catch (IOException e) {
            tally.fileProblem(1, "cannot read the header: " + describe(e));
            return Optional.empty();
        }
        if (header == null || isBlank(header)) {
            tally.fileProblem(1, "the file is empty; expected " + expected);
            return Optional.empty();
        }
        return Optional.of(header);
    }

    /**
     * Hands every data record after the header to {@code records} with the line it starts on, up
     * to the end of the input. Blank lines are skipped; a record whose number of fields is not
     * {@code fields} is rejected on {@code tally}. A record that cannot be parsed (a quote never
     * closed) or input that fails (a truncated gzip stream) ends the file: that is reported as the
     * tally's file problem, and the records before it stand.
     */
    public void forEachRecord(int fields, ReadTally tally, RecordHandler records) {
        while (true) {
            List<String> row;
            try {
                row = next();
            } catch (MalformedRecordException e) {
                tally.rejected(e.line(), e.getMessage());
                tally.fileProblem(e.line(), "cannot read past line " + e.line());
                return;
            } catch (IOException e) {
                tally.fileProblem(recordLine + 1, "the file ends unexpectedly after line " + recordLine + " ("
                        + describe(e) + "); rows before it were read");
                return;
            }
            if (row == null) {
                return;
            }
            if (isBlank(row)) {
                continue;
            }
            if (row.size() != fields) {
                tally.rejected(recordLine, "has " + row.size() + " fields, the header has " + fields);
                continue;
            }
            records.record(recordLine, row);
        }
    }

    /** Receives the records of {@link #forEachRecord}; a problem with one is reported on the tally. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(long line, List<String> fields);
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "truncated or corrupt gzip: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
