package io.kisbridge.core;

/** How an API returns more rows than fit in one answer. */
public enum Paging {
    /** One answer holds everything the API gives. */
    NONE,
    /** tr_cont header F/M → call again with tr_cont N and the returned ctx_area keys. */
    TR_CONT,
    /** 100 rows per call, newest first: call again with the end date set to the day before the oldest row. */
    DATE_WINDOW,
    /** 30 minute bars per call, newest first: call again with the time set to the minute before the oldest bar. */
    TIME_WINDOW
}
