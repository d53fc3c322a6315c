package io.kisbridge.libreoffice.internal;

import com.sun.star.lib.uno.helper.WeakBase;
import com.sun.star.sheet.ResultEvent;
import com.sun.star.sheet.XResultListener;
import com.sun.star.sheet.XVolatileResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one KIS cell call (function + arguments) shows: Calc keeps one listener per result object and asks the
 * function again after every change, so the same object is returned for the same call and pushes each new value
 * with {@link XResultListener#modified}. Listeners are told on the {@link Notifier}'s thread, never while a lock of
 * the add-in is held (Calc takes its own SolarMutex inside {@code modified}).
 */
public final class CellResult extends WeakBase implements XVolatileResult {
    /** Told when Calc drops its last listener (the last document showing this call closed). */
    public interface Release {
        void released(CellResult result);
    }

    private final Notifier notifier;
    private final Release release;
    private final List<XResultListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Object value;

    public CellResult(Object initial, Notifier notifier, Release release) {
        this.value = initial;
        this.notifier = notifier;
        this.release = release;
    }

    public Object value() {
        return value;
    }

    /** A new value: every listener hears it (asynchronously, in order). */
    public void set(Object newValue) {
        value = newValue;
        notifier.submit(() -> {
            Object v = value; // the newest, if several changes queued up
            for (XResultListener l : listeners) {
                fire(l, v);
            }
        });
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    @Override
    public void addResultListener(XResultListener listener) {
        listeners.add(listener);
        fire(listener, value); // Calc shows what the listener hears first: it must hear at once
    }

    @Override
    public void removeResultListener(XResultListener listener) {
        listeners.remove(listener);
        if (listeners.isEmpty()) {
            release.released(this);
        }
    }

    private void fire(XResultListener l, Object v) {
        try {
            l.modified(new ResultEvent(this, v));
        } catch (RuntimeException e) {
            listeners.remove(l); // a disposed document: forget it
        }
    }
}
