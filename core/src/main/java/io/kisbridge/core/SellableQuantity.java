package io.kisbridge.core;

/** inquire-psbl-sell: the holding and how much of it can be sold now. */
public record SellableQuantity(String code, String name, long holdingQuantity, long orderableQuantity) {
}
