package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.AesKey;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.TopicState;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on control messages: answers PINGPONG, keeps the per-TR AES key/iv of subscribe acks, and applies the
 * §7.5 codes to the topics (subscribed, over the cap, refused) or to the session (reconnect).
 */
public final class ControlHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    /** The session a control message arrived on. */
    public interface Session {
        /** Echoes a PINGPONG on the current socket, if it is open. */
        void pong(String text);

        /** Closes the current socket so that the feed reconnects, optionally with a fresh approval key. */
        void reconnect(boolean freshKey);
    }

    private final Object lock;
    private final ControlCodec codec;
    private final TopicRegistry registry;
    private final Map<String, AesKey> aesKeys;
    private final FeedMetrics metrics;

    public ControlHandler(Object lock, ControlCodec codec, TopicRegistry registry, Map<String, AesKey> aesKeys,
            FeedMetrics metrics) {
        this.lock = lock;
        this.codec = codec;
        this.registry = registry;
        this.aesKeys = aesKeys;
        this.metrics = metrics;
    }

    public void onControl(String text, Session session) {
        switch (codec.decode(text)) {
            case ControlMessage.Malformed m -> metrics.badControlMessages().incrementAndGet();
            case ControlMessage.PingPong p -> session.pong(text);
            case ControlMessage.Ack ack -> onAck(ack, session);
        }
    }

    private void onAck(ControlMessage.Ack ack, Session session) {
        String trId = ack.trId();
        String msgCd = ack.msgCd();
        String msg1 = ack.msg1();
        synchronized (lock) {
            TopicEntry e = registry.forAck(trId, ack.trKey());
            switch (ack.code()) {
                case SUBSCRIBED -> {
                    if (ack.carriesKey()) {
                        try {
                            aesKeys.put(trId, new AesKey(ack.key(), ack.iv()));
                        } catch (IllegalArgumentException ex) {
                            metrics.badControlMessages().incrementAndGet();
                            LOG.warn("realtime: {} ack for {} carried a key/iv of the wrong length", msgCd, trId);
                        }
                    }
                    if (e != null && e.registered()) {
                        registry.update(e, TopicState.SUBSCRIBED, msg1);
                    }
                }
                case UNSUBSCRIBED -> LOG.debug("realtime: {} {} for {}", msgCd, msg1, trId);
                case CAP_REACHED -> {
                    LOG.warn("realtime: KIS refused a registration for {}: {} {}", trId, msgCd, msg1);
                    if (e != null) {
                        registry.overflow(e, msgCd + " " + msg1);
                    }
                }
                case KEY_REFUSED -> {
                    LOG.warn("realtime: approval key refused ({} {}); reconnecting with a fresh one", msgCd, msg1);
                    session.reconnect(true);
                }
                case APP_KEY_IN_USE -> {
                    LOG.warn("realtime: {} {} (another session uses this app key); retrying later", msgCd, msg1);
                    session.reconnect(false);
                }
                case REFUSED -> {
                    LOG.warn("realtime: {} refused for {}: {} {}", trId, e == null ? "?" : e.topic().kind(), msgCd,
                            msg1);
                    if (e != null) {
                        registry.refuse(e, msgCd + " " + msg1);
                    }
                }
            }
        }
    }
}
