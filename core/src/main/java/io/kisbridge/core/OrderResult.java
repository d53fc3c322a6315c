package io.kisbridge.core;

/**
 * An accepted order, modify or cancel: KRX_FWDG_ORD_ORGNO (branch), ODNO (order number; for modify/cancel the
 * new order's number) and ORD_TMD (HHMMSS).
 */
public record OrderResult(String branch, String orderNumber, String orderTime) {
}
