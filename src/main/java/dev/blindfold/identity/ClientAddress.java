package dev.blindfold.identity;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client a request came from, as Vert.x reports it: the peer's address, or the forwarded one when
 * {@code quarkus.http.proxy.*} forwarding is configured for a trusted proxy.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext routing) {
        return routing == null ? null : of(routing.request());
    }

    static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
