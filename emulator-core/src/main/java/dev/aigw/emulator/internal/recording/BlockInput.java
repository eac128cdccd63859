package dev.aigw.emulator.internal.recording;

import java.io.IOException;
import java.io.InputStream;

/** A stream that reads in blocks; a single byte is read as a block of one. */
abstract class BlockInput extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
