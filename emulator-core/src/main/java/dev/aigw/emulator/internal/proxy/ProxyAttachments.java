package dev.aigw.emulator.internal.proxy;

import io.undertow.util.AttachmentKey;

/** What each stage of the proxy chain hands to the next, attached to the exchange. */
public final class ProxyAttachments {

    /** Set first: the ids and arrival time of the client request. */
    public static final AttachmentKey<ClientRequest> CLIENT_REQUEST = AttachmentKey.create(ClientRequest.class);

    /** Set by gateway lookup: the account, the gateway and the path after the gateway id. */
    public static final AttachmentKey<ResolvedGateway> GATEWAY = AttachmentKey.create(ResolvedGateway.class);

    /** Set by endpoint resolution: the steps to try. */
    public static final AttachmentKey<ProxyPlan> PLAN = AttachmentKey.create(ProxyPlan.class);

    /** Set by the log stage: the request's log, which the proxy tells how each step ended. */
    public static final AttachmentKey<RequestLog> LOG = AttachmentKey.create(RequestLog.class);

    /** Set while the request line is written (its logger at DEBUG): the line the proxy tells its attempts. */
    public static final AttachmentKey<RequestLine> REQUEST_LINE = AttachmentKey.create(RequestLine.class);

    private ProxyAttachments() {
    }
}
