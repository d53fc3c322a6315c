package io.kisbridge.cli;

public final class KisBridgeCommand {
    public static void main(String[] args) {
        System.out.println(Runtime.version());
    }
}
