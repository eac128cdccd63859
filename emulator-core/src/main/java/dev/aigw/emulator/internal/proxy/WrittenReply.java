package dev.aigw.emulator.internal.proxy;

/**
 * What the client got of a reply, as the log records it.
 *
 * @param status the status sent
 * @param contentType the content type sent, or {@code null}
 * @param body the bytes sent, or {@code null} when they were more than {@link ReplyWriter#MAX_CAPTURED_BYTES}
 * @param size how many body bytes were sent
 * @param cut whether the connection was cut before the body ended (a scripted break)
 */
public record WrittenReply(int status, String contentType, byte[] body, long size, boolean cut) {
}
