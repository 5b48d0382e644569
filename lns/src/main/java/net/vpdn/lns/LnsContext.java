package net.vpdn.lns;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.lns.ip.IpForwarder;
import net.vpdn.vtemplate.VirtualAccessCloner;
import net.vpdn.vtemplate.VirtualTemplate;

/**
 * What every LNS session of one template group on one event loop shares. Built by the composition
 * root; {@link #create} registers the template's local address with the forwarder.
 *
 * @param template the virtual template sessions are cloned from
 * @param cloner numbers and caps Virtual-Access interfaces
 * @param loop the event loop's time and timers
 * @param authorizer AAA
 * @param addresses address policy
 * @param forwarder the in-process IP plane
 * @param events accounting and metrics
 * @param interimInterval accounting Interim-Update period when AAA gives none; zero = none
 */
public record LnsContext(VirtualTemplate template, VirtualAccessCloner cloner, LoopScheduler loop,
                         SubscriberAuthorizer authorizer, AddressAssigner addresses, IpForwarder forwarder,
                         LnsSessionEvents events, Duration interimInterval) {
    public LnsContext {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(cloner, "cloner");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(forwarder, "forwarder");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(interimInterval, "interimInterval");
    }

    /** A context whose forwarder answers pings to the template's local address; no Interim-Updates. */
    public static LnsContext create(VirtualTemplate template, VirtualAccessCloner cloner, LoopScheduler loop,
                                    SubscriberAuthorizer authorizer, AddressAssigner addresses, IpForwarder forwarder,
                                    LnsSessionEvents events) {
        return create(template, cloner, loop, authorizer, addresses, forwarder, events, Duration.ZERO);
    }

    /** A context whose forwarder answers pings to the template's local address. */
    public static LnsContext create(VirtualTemplate template, VirtualAccessCloner cloner, LoopScheduler loop,
                                    SubscriberAuthorizer authorizer, AddressAssigner addresses, IpForwarder forwarder,
                                    LnsSessionEvents events, Duration interimInterval) {
        forwarder.addLocalAddress(template.localAddress());
        return new LnsContext(template, cloner, loop, authorizer, addresses, forwarder, events, interimInterval);
    }
}
