package io.kisbridge.libreoffice.internal;

import com.sun.star.lang.EventObject;
import com.sun.star.sheet.ResultEvent;
import com.sun.star.sheet.XResultListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Calc's listener of a volatile result: records every value it is told. */
final class RecordingListener implements XResultListener {
    final List<Object> values = new CopyOnWriteArrayList<>();

    @Override
    public void modified(ResultEvent event) {
        values.add(event.Value);
    }

    @Override
    public void disposing(EventObject source) {
    }

    Object last() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
