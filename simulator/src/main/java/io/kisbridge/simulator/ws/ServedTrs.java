package io.kisbridge.simulator.ws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The realtime TRs the simulated WebSocket serves, written down here from the reference (kis-reference.md §8 and
 * §12) rather than taken from core: what each TR is keyed by, what market data it carries, and whether paper
 * trading offers it. The field layouts come from the schema data files ({@link SchemaFiles}); this table decides
 * what is accepted, so a TR ID that core gets wrong is refused here with OPSP0002.
 */
final class ServedTrs {

    /** What a subscription's tr_key must be. */
    enum Key { STOCK, INDEX, HTS }

    /** Which market a TR reports. */
    enum Venue { KRX, NXT, INTEGRATED, NONE }

    /** The kind of data a TR carries, which decides how the gateway composes its records. */
    enum Source { TRADE, BOOK, EXPECTED, STATUS, MEMBERS, PROGRAM, AFTER_TRADE, AFTER_BOOK, AFTER_EXPECTED, INDEX,
        INDEX_EXPECTED, INDEX_PROGRAM, NAV, NOTICE }

    record Served(String trId, Source source, Venue venue, Key key, boolean realOnly) {
    }

    private static final Map<String, Served> BY_TR = new LinkedHashMap<>();

    static {
        triplet("CNT0", Source.TRADE);
        triplet("ASP0", Source.BOOK);
        triplet("ANC0", Source.EXPECTED);
        triplet("MKO0", Source.STATUS);
        triplet("MBC0", Source.MEMBERS);
        triplet("PGM0", Source.PROGRAM);
        add("H0STOUP0", Source.AFTER_TRADE, Venue.KRX, Key.STOCK, true);
        add("H0STOAA0", Source.AFTER_BOOK, Venue.KRX, Key.STOCK, true);
        add("H0STOAC0", Source.AFTER_EXPECTED, Venue.KRX, Key.STOCK, true);
        add("H0UPCNT0", Source.INDEX, Venue.NONE, Key.INDEX, true);
        add("H0UPANC0", Source.INDEX_EXPECTED, Venue.NONE, Key.INDEX, true);
        add("H0UPPGM0", Source.INDEX_PROGRAM, Venue.NONE, Key.INDEX, true);
        add("H0STNAV0", Source.NAV, Venue.NONE, Key.STOCK, true);
        add("H0STCNI0", Source.NOTICE, Venue.NONE, Key.HTS, true);
        // Paper trading (port 31000) offers only the KRX trade and book feeds and its own notice TR.
        BY_TR.put("H0STCNT0", new Served("H0STCNT0", Source.TRADE, Venue.KRX, Key.STOCK, false));
        BY_TR.put("H0STASP0", new Served("H0STASP0", Source.BOOK, Venue.KRX, Key.STOCK, false));
    }

    /** KRX H0ST…, NXT H0NX…, integrated H0UN…; all real only except what the static block opens to paper. */
    private static void triplet(String suffix, Source source) {
        add("H0ST" + suffix, source, Venue.KRX, Key.STOCK, true);
        add("H0NX" + suffix, source, Venue.NXT, Key.STOCK, true);
        add("H0UN" + suffix, source, Venue.INTEGRATED, Key.STOCK, true);
    }

    private static void add(String trId, Source source, Venue venue, Key key, boolean realOnly) {
        BY_TR.put(trId, new Served(trId, source, venue, key, realOnly));
    }

    private ServedTrs() {
    }

    /** The TR as served in this environment: H0STCNI9 is paper's notice TR, real-only TRs are absent in paper. */
    static Optional<Served> find(String trId, boolean paper) {
        if (paper) {
            if ("H0STCNI9".equals(trId)) {
                return Optional.of(new Served(trId, Source.NOTICE, Venue.NONE, Key.HTS, false));
            }
            Served s = BY_TR.get(trId);
            return s == null || s.realOnly() ? Optional.empty() : Optional.of(s);
        }
        return Optional.ofNullable(BY_TR.get(trId));
    }

    /** Every real TR ID, in table order. */
    static Iterable<String> realTrIds() {
        return BY_TR.keySet();
    }
}
