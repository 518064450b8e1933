package org.reprise.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.reprise.UserError;

/**
 * Buffered, forward-only reading of a .dta file with the file's byte order.
 * Every read names what it is reading, so a short file gives a UserError saying where it ended.
 */
final class DtaInput implements Closeable {
    private final FileChannel channel;
    private final String file;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private long bufStart;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    DtaInput(Path path, String file) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.file = file;
        this.size = channel.size();
        buf.flip();
    }

    String file() {
        return file;
    }

    long size() {
        return size;
    }

    long position() {
        return bufStart + buf.position();
    }

    ByteOrder order() {
        return order;
    }

    void order(ByteOrder order) {
        this.order = order;
        buf.order(order);
    }

    /** Make at least n bytes (n at most the buffer capacity) available. */
    private void ensure(int n, String what) {
        if (buf.remaining() >= n) {
            return;
        }
        long pos = position();
        buf.compact();
        bufStart = pos;
        try {
            while (buf.position() < n) {
                int r = channel.read(buf, bufStart + buf.position());
                if (r < 0) {
                    buf.flip();
                    throw truncated(what);
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the file (" + e.getMessage() + ") while reading " + what + ".", e);
        }
        buf.flip();
    }

    void readFully(byte[] dst, int off, int len, String what) {
        int fromBuf = Math.min(len, buf.remaining());
        buf.get(dst, off, fromBuf);
        if (fromBuf == len) {
            return;
        }
        if (len - fromBuf < buf.capacity() / 2) {
            ensure(len - fromBuf, what);
            buf.get(dst, off + fromBuf, len - fromBuf);
            return;
        }
        long pos = position();
        ByteBuffer target = ByteBuffer.wrap(dst, off + fromBuf, len - fromBuf);
        try {
            while (target.hasRemaining()) {
                int r = channel.read(target, pos + target.position() - off - fromBuf);
                if (r < 0) {
                    throw truncated(what);
                }
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the file (" + e.getMessage() + ") while reading " + what + ".", e);
        }
        bufStart = pos + len - fromBuf;
        buf.clear().flip();
    }

    /**
     * Checks a length the file declares (at byte offset {@code at}) against what is left of the file, before anything
     * is allocated for it: a damaged or hostile file cannot make Reprise run out of memory.
     */
    void declared(long len, long at, String what) {
        long left = size - position();
        if (len > left) {
            throw new UserError(file + ": at byte offset " + at + ", " + what + " declares " + len + " bytes, but only "
                    + left + " bytes of the " + size + "-byte file are left; the file is damaged or truncated."
                    + " Copy or download it again, or re-save it in Stata with `save`.");
        }
    }

    byte[] bytes(int len, String what) {
        if (len > size - position()) {
            throw truncated(what); // before allocating
        }
        byte[] b = new byte[len];
        readFully(b, 0, len, what);
        return b;
    }

    void skip(long n, String what) {
        if (n <= buf.remaining()) {
            buf.position(buf.position() + (int) n);
            return;
        }
        long target = position() + n;
        if (target > size) {
            throw truncated(what);
        }
        bufStart = target;
        buf.clear().flip();
    }

    int u8(String what) {
        ensure(1, what);
        return buf.get() & 0xff;
    }

    int u16(String what) {
        ensure(2, what);
        return buf.getShort() & 0xffff;
    }

    long u32(String what) {
        ensure(4, what);
        return buf.getInt() & 0xffffffffL;
    }

    int i32(String what) {
        ensure(4, what);
        return buf.getInt();
    }

    long u64(String what) {
        ensure(8, what);
        return buf.getLong();
    }

    /** An unsigned integer of 1 to 8 bytes in the file's byte order. */
    long unsigned(int bytes, String what) {
        ensure(bytes, what);
        long v = 0;
        if (order == ByteOrder.BIG_ENDIAN) {
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (buf.get() & 0xff);
            }
        } else {
            for (int i = 0; i < bytes; i++) {
                v |= (long) (buf.get() & 0xff) << (8 * i);
            }
        }
        return v;
    }

    /** Read exactly the ASCII tag, or fail naming what was expected. */
    void expect(String tag) {
        long at = position();
        byte[] want = tag.getBytes(StandardCharsets.US_ASCII);
        ensure(want.length, "the tag " + (tag.startsWith("<") ? tag : "<" + tag));
        for (byte w : want) {
            if (buf.get() != w) {
                throw corrupt("expected " + tag + " at byte " + at);
            }
        }
    }

    /** The next n bytes as ASCII without consuming them. */
    String peek(int n, String what) {
        ensure(n, what);
        byte[] b = new byte[n];
        buf.get(buf.position(), b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    UserError truncated(String what) {
        return new UserError(file + ": the Stata .dta file ends early (after " + size + " bytes) while reading " + what
                + "; the file is truncated or damaged. Copy or download it again, or re-save it in Stata with `save`.");
    }

    UserError corrupt(String what) {
        return new UserError(file + ": not a valid Stata .dta file: " + what
                + ". The file is damaged or is not a .dta file; re-save it in Stata with `save` (or `saveold`, version 13 or later).");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
