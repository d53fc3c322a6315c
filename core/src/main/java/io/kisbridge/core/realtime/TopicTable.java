package io.kisbridge.core.realtime;

import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The table of realtime topics in README.md, generated from the schema data (a test fails when the README's copy
 * drifts). {@code main} prints it.
 */
public final class TopicTable {
    /** Display order only: what a reader looks for first. Words not listed sort last, markets KRX, NX, UN. */
    private static final List<String> ORDER = List.of("trade", "book", "expected", "status", "members", "program",
            "after-trade", "after-book", "after-expected", "index", "index-expected", "index-program", "nav", "fills");
    private static final List<String> MARKETS = List.of("", "KRX", "NX", "UN");

    private TopicTable() {
    }

    private static int rank(String word) {
        int i = ORDER.indexOf(word);
        return i < 0 ? ORDER.size() : i;
    }

    /** One Markdown row per TR: topic syntax, TR IDs real/paper, KIS title and doc id, field count, what it carries. */
    public static String markdown() {
        StringJoiner t = new StringJoiner("\n", "", "\n");
        t.add("| Topic | TR ID (real / paper) | KIS title | Fields | Carries |");
        t.add("|---|---|---|---|---|");
        List<RealtimeSchema> rows = RealtimeSchemas.all().stream()
                .sorted(Comparator.comparingInt((RealtimeSchema s) -> rank(s.topic())).thenComparing(RealtimeSchema::topic)
                        .thenComparingInt(s -> MARKETS.indexOf(s.market())))
                .toList();
        for (RealtimeSchema s : rows) {
            String key = switch (s.keyKind()) {
                case STOCK -> ":CODE";
                case INDEX -> ":INDEX";
                case HTS -> "";
            };
            String market = s.market().isEmpty() || s.market().equals("KRX") ? "" : "@" + s.market();
            String paper = s.paperTrId() == null ? "real only" : s.paperTrId();
            String title = s.title() + (s.docId() == null ? "" : " [" + s.docId() + "]");
            t.add("| `" + s.topic() + key + market + "` | " + s.trId() + " / " + paper + " | " + title + " | "
                    + s.fieldCount() + " | " + s.description() + " |");
        }
        return t.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
