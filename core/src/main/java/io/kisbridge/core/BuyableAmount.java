package io.kisbridge.core;

/** inquire-psbl-order: cash and the largest buy with and without 미수 (unsettled credit). */
public record BuyableAmount(long orderableCash, long maxBuyAmount, long maxBuyQuantity, long noCreditBuyAmount,
                            long noCreditBuyQuantity) {
}
