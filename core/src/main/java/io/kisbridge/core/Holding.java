package io.kisbridge.core;

import java.math.BigDecimal;

/** One row of inquire-balance output1. */
public record Holding(String code, String name, long quantity, long orderableQuantity, BigDecimal averagePrice,
                      long purchaseAmount, long currentPrice, long evaluationAmount, long profitLoss,
                      BigDecimal profitLossRate) {
}
