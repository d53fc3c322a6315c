package io.kisbridge.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = KisBridgeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"kisbridge " + (v == null ? "development build" : v) + " on Java " + Runtime.version()};
    }
}
