package io.kisbridge.bridge.workbook.internal;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.internal.ErrorMapping;
import io.kisbridge.bridge.workbook.RefreshProgress;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.OperationEvaluationContext;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.EvaluationException;
import org.apache.poi.ss.formula.eval.MissingArgEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.OperandResolver;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.functions.FreeRefFunction;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The KIS functions as POI user-defined functions, answering from calls collected beforehand.
 *
 * <p>In {@link Mode#COLLECT} a function whose call has no answer yet records it as pending and evaluates to #N/A;
 * {@link #runPending} then runs every pending call concurrently through the {@link FunctionSet} (so identical calls
 * coalesce and prices batch into intstock-multprice, exactly as {@code POST /v1/batch} does). Once every call has
 * an answer, {@link Mode#FINAL} evaluation returns the answers and records per-cell failures.
 *
 * <p>A table answer is a {@link CacheAreaEval} (so {@code INDEX(KIS.HISTORY(...),2,5)} works) except in an anchor
 * cell — a cell whose whole formula is one KIS call — where it is the table's top-left value: the rest is spilled
 * into the cells to its right and below by {@code Spills}.
 */
public final class CallBook implements UDFFinder {
    public enum Mode { COLLECT, FINAL }

    /** A cell: sheet index, row, column (0-based). */
    public record CellRef(int sheet, int row, int col) {
    }

    /** An answer: a result, or a failure already mapped to the cell error it shows. */
    public sealed interface Outcome {
        record Ok(FnResult result) implements Outcome {
        }

        record Failed(String cellError, String message) implements Outcome {
        }
    }

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final FunctionSet functions;
    private final Set<CellRef> anchors;
    private final Map<CallKey, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Set<CallKey> pending = new LinkedHashSet<>();
    private final Map<CellRef, CallKey> anchorCalls = new LinkedHashMap<>();
    private final Map<CellRef, String> blockedSpills = new LinkedHashMap<>();
    private final Map<CellRef, List<Outcome.Failed>> failures = new LinkedHashMap<>();
    private Mode mode = Mode.COLLECT;

    public CallBook(FunctionSet functions, Set<CellRef> anchors) {
        this.functions = functions;
        this.anchors = Set.copyOf(anchors);
    }

    public void mode(Mode m) {
        this.mode = m;
        if (m == Mode.FINAL) {
            failures.clear();
        }
    }

    @Override
    public FreeRefFunction findFunction(String name) {
        Optional<String> bare = FunctionNames.bare(name);
        return bare.<FreeRefFunction>map(b -> (args, ec) -> call(b, args, ec)).orElse(null);
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Runs every pending call concurrently; returns how many ran. */
    public int runPending(RefreshProgress progress) {
        List<CallKey> batch = new ArrayList<>(pending);
        pending.clear();
        AtomicInteger done = new AtomicInteger();
        progress.update("calling", 0, batch.size());
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CallKey k : batch) {
                ex.submit(() -> {
                    outcomes.put(k, run(k));
                    progress.update("calling", done.incrementAndGet(), batch.size());
                });
            }
        }
        return batch.size();
    }

    private Outcome run(CallKey k) {
        try {
            return new Outcome.Ok(functions.invoke(k.function(), k.args(), k.named()));
        } catch (RuntimeException e) {
            ErrorMapping.Mapped m = ErrorMapping.map(e);
            return new Outcome.Failed(m.cellError(), m.message());
        }
    }

    public Map<CellRef, CallKey> anchorCalls() {
        return anchorCalls;
    }

    public Optional<Outcome> outcome(CallKey k) {
        return Optional.ofNullable(outcomes.get(k));
    }

    public void blockSpill(CellRef anchor, String reason) {
        blockedSpills.put(anchor, reason);
    }

    public Map<CellRef, List<Outcome.Failed>> failures() {
        return failures;
    }

    private ValueEval call(String bare, ValueEval[] args, OperationEvaluationContext ec) {
        CellRef here = new CellRef(ec.getSheetIndex(), ec.getRowIndex(), ec.getColumnIndex());
        boolean web = bare.equals(FunctionNames.WEBSERVICE);
        CallKey key;
        try {
            key = web ? WebServiceUrls.key(text(args, 0, null, ec)) : key(bare, args, ec);
        } catch (EvaluationException e) {
            return e.getErrorEval();
        } catch (BridgeException e) {
            return fail(here, new Outcome.Failed(ErrorMapping.map(e).cellError(), e.getMessage()));
        }
        boolean anchor = !web && anchors.contains(here);
        if (anchor) {
            anchorCalls.put(here, key);
        }
        Outcome o = outcomes.get(key);
        if (o == null) {
            if (mode == Mode.COLLECT) {
                pending.add(key);
            }
            return ErrorEval.NA;
        }
        return switch (o) {
            case Outcome.Failed f -> fail(here, f);
            case Outcome.Ok(FnResult.Scalar s) -> web ? new StringEval(s.value()) : CellValues.eval(s.value());
            case Outcome.Ok(FnResult.Table t) when web -> new StringEval(csv(t));
            case Outcome.Ok(FnResult.Table t) when anchor && blockedSpills.containsKey(here) ->
                    fail(here, new Outcome.Failed("#SPILL!", blockedSpills.get(here)));
            case Outcome.Ok(FnResult.Table t) when anchor -> CellValues.eval(t.columns().get(0));
            case Outcome.Ok(FnResult.Table t) -> area(t, ec);
        };
    }

    private ValueEval fail(CellRef here, Outcome.Failed f) {
        if (mode == Mode.FINAL) {
            List<Outcome.Failed> l = failures.computeIfAbsent(here, c -> new ArrayList<>());
            if (!l.contains(f)) {
                l.add(f);
            }
        }
        return ErrorMapping.VALUE.equals(f.cellError()) ? ErrorEval.VALUE_INVALID : ErrorEval.NA;
    }

    private CallKey key(String bare, ValueEval[] args, OperationEvaluationContext ec) throws EvaluationException {
        switch (bare) {
            case "STREAM" -> {
                // headless there is no live feed: a streaming cell gets the current snapshot of the same field
                List<String> a = new ArrayList<>();
                a.add(text(args, 0, FnArg.Type.CODE, ec));
                if (args.length > 1) {
                    a.add(text(args, 1, FnArg.Type.FIELD, ec));
                }
                return new CallKey("QUOTE", a, Map.of());
            }
            case "BOOK", "FILLS" -> throw BridgeException.notAvailable("KIS." + bare
                    + " is a streaming function; a headless refresh has no live feed (use KIS.QUOTE or KIS.EXECUTIONS)");
            default -> {
                Optional<CellFunction> fn = functions.find(bare);
                List<String> a = new ArrayList<>();
                for (int i = 0; i < args.length; i++) {
                    FnArg.Type type = fn.isPresent() && i < fn.get().args().size() ? fn.get().args().get(i).type() : null;
                    a.add(text(args, i, type, ec));
                }
                while (!a.isEmpty() && a.get(a.size() - 1).isEmpty()) {
                    a.remove(a.size() - 1);
                }
                return new CallKey(bare, a, Map.of());
            }
        }
    }

    /** One argument as the text the function set expects; a range becomes a comma-separated list. */
    private static String text(ValueEval[] args, int i, FnArg.Type type, OperationEvaluationContext ec)
            throws EvaluationException {
        if (i >= args.length) {
            return "";
        }
        ValueEval v = args[i];
        if (v instanceof AreaEval area && (area.getHeight() > 1 || area.getWidth() > 1)) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < area.getHeight(); r++) {
                for (int c = 0; c < area.getWidth(); c++) {
                    String s = scalarText(area.getRelativeValue(r, c), type);
                    if (!s.isEmpty()) {
                        parts.add(s);
                    }
                }
            }
            return String.join(",", parts);
        }
        if (v instanceof MissingArgEval) {
            return "";
        }
        return scalarText(OperandResolver.getSingleValue(v, ec.getRowIndex(), ec.getColumnIndex()), type);
    }

    private static String scalarText(ValueEval v, FnArg.Type type) throws EvaluationException {
        return switch (v) {
            case ErrorEval e -> throw new EvaluationException(e);
            case BlankEval b -> "";
            case MissingArgEval m -> "";
            case BoolEval b -> b.getBooleanValue() ? "TRUE" : "FALSE";
            case StringEval s -> s.getStringValue();
            case NumberEval n -> number(n.getNumberValue(), type);
            default -> OperandResolver.coerceValueToString(v);
        };
    }

    private static String number(double d, FnArg.Type type) {
        if (type == FnArg.Type.DATE && d >= 1 && d < 2_958_466 && d == Math.rint(d)) {
            // a date cell (Excel serial day); 8-digit numbers such as 20240101 are left as typed
            return DateUtil.getLocalDateTime(d).toLocalDate().format(YMD);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static ValueEval area(FnResult.Table t, OperationEvaluationContext ec) {
        int rows = t.rows().size() + 1;
        int cols = t.columns().size();
        ValueEval[] values = new ValueEval[rows * cols];
        for (int c = 0; c < cols; c++) {
            values[c] = CellValues.eval(t.columns().get(c));
        }
        for (int r = 1; r < rows; r++) {
            List<String> row = t.rows().get(r - 1);
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = CellValues.eval(c < row.size() ? row.get(c) : "");
            }
        }
        return new CacheAreaEval(ec.getRowIndex(), ec.getColumnIndex(), ec.getRowIndex() + rows - 1,
                ec.getColumnIndex() + cols - 1, values);
    }

    /** A table as CSV with a header row, the way GET /v1/fn answers WEBSERVICE. */
    static String csv(FnResult.Table t) {
        StringBuilder b = new StringBuilder(String.join(",", t.columns())).append('\n');
        for (List<String> r : t.rows()) {
            b.append(String.join(",", r.stream().map(CallBook::csvField).toList())).append('\n');
        }
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
