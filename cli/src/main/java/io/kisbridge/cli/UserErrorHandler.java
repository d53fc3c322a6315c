package io.kisbridge.cli;

import io.kisbridge.core.KisConfigException;
import io.kisbridge.core.KisException;
import picocli.CommandLine;

/**
 * Turns the errors a user can act on (bad configuration, KIS refusals) into one clear line instead of a stack
 * trace. KisException messages never carry secrets, so they are safe to print.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int CONFIG_ERROR = 2;
    static final int KIS_ERROR = 3;
    static final int PORT_IN_USE = 4;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (ex instanceof KisConfigException c) {
            cl.getErr().println("kisbridge: configuration: " + c.getMessage());
            return CONFIG_ERROR;
        }
        if (ex instanceof KisException k) {
            cl.getErr().println("kisbridge: " + k.getMessage());
            return KIS_ERROR;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                cl.getErr().println("kisbridge: the port is already in use (" + t.getMessage()
                        + "); is another kisbridge running? Choose another with --port (HTTP) or --https-port (HTTPS).");
                return PORT_IN_USE;
            }
        }
        throw ex;
    }
}
