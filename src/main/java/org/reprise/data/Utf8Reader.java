package org.reprise.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.reprise.UserError;

/**
 * Strict UTF-8 decoding that skips a byte-order mark and, on an invalid byte, throws a UserError naming the
 * exact line (it counts line feeds in the bytes it has decoded).
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean started;
    private boolean flushed;
    private long lineFeeds;

    Utf8Reader(InputStream in, String file) {
        this.in = in;
        this.file = file;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /**
     * Decodes the next block into the internal char buffer (so a caller reading one char at a time still gets both
     * halves of a surrogate pair); false at the end of the input.
     */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        chars.compact();
        try {
            while (true) {
                if (!started || (!bytes.hasRemaining() && !eof)) {
                    fill();
                }
                int before = bytes.position();
                CoderResult r = decoder.decode(bytes, chars, eof);
                countLines(before, bytes.position());
                if (r.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xff;
                    throw new UserError(file + ":" + (lineFeeds + 1) + ": the file is not valid UTF-8 (byte 0x"
                            + Integer.toHexString(bad).toUpperCase() + "). It was probably saved as Latin-1 or "
                            + "Windows-1252; re-save it as UTF-8 (e.g. Excel: Save As > CSV UTF-8; or "
                            + "iconv -f latin1 -t utf-8).");
                }
                if (chars.position() > 0) {
                    return true;
                }
                if (r.isUnderflow()) {
                    if (eof) {
                        flushed = true;
                        decoder.flush(chars);
                        return chars.position() > 0;
                    }
                    fill();
                }
            }
        } finally {
            chars.flip();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining()) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
                break;
            }
            bytes.position(bytes.position() + n);
            if (n > 0 && bytes.position() >= 4) {
                break;
            }
        }
        bytes.flip();
        if (!started) {
            started = true;
            if (bytes.remaining() >= 3 && (bytes.get(0) & 0xff) == 0xEF && (bytes.get(1) & 0xff) == 0xBB
                    && (bytes.get(2) & 0xff) == 0xBF) {
                bytes.position(3);
            }
        }
    }

    private void countLines(int from, int to) {
        byte[] a = bytes.array();
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') {
                lineFeeds++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
