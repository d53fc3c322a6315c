package io.kisbridge.bridge.workbook;

/** Progress of a refresh, for a terminal progress bar. Called from the refreshing thread and from call threads. */
@FunctionalInterface
public interface RefreshProgress {
    RefreshProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase "reading", "collecting", "calling", "evaluating" or "writing"
     * @param done  units done in this phase
     * @param total units in this phase (0 when unknown)
     */
    void update(String phase, int done, int total);
}
