package io.kisbridge.core.realtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of the feed, for tests, logs and a status page. */
public final class FeedCounters {
    final AtomicLong dataFrames = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong malformedFrames = new AtomicLong();
    final AtomicLong unknownTrFrames = new AtomicLong();
    final AtomicLong decryptFailures = new AtomicLong();
    final AtomicLong fieldCountMismatches = new AtomicLong();
    final AtomicLong unroutedRecords = new AtomicLong();
    final AtomicLong badControlMessages = new AtomicLong();
    final AtomicLong pingsAnswered = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    final AtomicLong registrationRejections = new AtomicLong();
    final AtomicLong droppedEvents = new AtomicLong();
    final AtomicLong conflatedEvents = new AtomicLong();
    final AtomicLong polls = new AtomicLong();
    final AtomicLong pollFailures = new AtomicLong();

    /** Data frames received (well-formed or not). */
    public long dataFrames() {
        return dataFrames.get();
    }

    public long records() {
        return records.get();
    }

    /** Garbage, truncated or otherwise unparsable data frames. */
    public long malformedFrames() {
        return malformedFrames.get();
    }

    public long unknownTrFrames() {
        return unknownTrFrames.get();
    }

    /** Encrypted frames that could not be decrypted (no key, wrong key, bad Base64 or padding). */
    public long decryptFailures() {
        return decryptFailures.get();
    }

    /** Records whose field count differed from the schema (delivered if not shorter than the schema). */
    public long fieldCountMismatches() {
        return fieldCountMismatches.get();
    }

    /** Records for a topic nobody watches. */
    public long unroutedRecords() {
        return unroutedRecords.get();
    }

    public long badControlMessages() {
        return badControlMessages.get();
    }

    public long pingsAnswered() {
        return pingsAnswered.get();
    }

    public long connects() {
        return connects.get();
    }

    public long disconnects() {
        return disconnects.get();
    }

    /** Registrations refused by the cap (client side or OPSP0008). */
    public long registrationRejections() {
        return registrationRejections.get();
    }

    /** Events dropped from full {@link DeliveryMode#ALL} queues. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Data events replaced by a newer one before a slow {@link DeliveryMode#LATEST} listener saw them. */
    public long conflatedEvents() {
        return conflatedEvents.get();
    }

    public long polls() {
        return polls.get();
    }

    public long pollFailures() {
        return pollFailures.get();
    }

    /** Total bad frames of every kind. */
    public long badFrames() {
        return malformedFrames() + unknownTrFrames() + decryptFailures();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("dataFrames", dataFrames());
        m.put("records", records());
        m.put("malformedFrames", malformedFrames());
        m.put("unknownTrFrames", unknownTrFrames());
        m.put("decryptFailures", decryptFailures());
        m.put("fieldCountMismatches", fieldCountMismatches());
        m.put("unroutedRecords", unroutedRecords());
        m.put("badControlMessages", badControlMessages());
        m.put("pingsAnswered", pingsAnswered());
        m.put("connects", connects());
        m.put("disconnects", disconnects());
        m.put("registrationRejections", registrationRejections());
        m.put("droppedEvents", droppedEvents());
        m.put("conflatedEvents", conflatedEvents());
        m.put("polls", polls());
        m.put("pollFailures", pollFailures());
        return m;
    }

    @Override
    public String toString() {
        return "FeedCounters" + snapshot();
    }
}
