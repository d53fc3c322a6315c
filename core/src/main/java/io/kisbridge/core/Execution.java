package io.kisbridge.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** One order with its fills (inquire-daily-ccld output1). */
public record Execution(LocalDate orderDate, String branch, String orderNumber, String originalOrderNumber,
                        OrderSide side, String code, String name, String orderTypeCode, long orderQuantity,
                        long orderPrice, LocalTime orderTime, long filledQuantity, BigDecimal averageFillPrice,
                        long filledAmount, long remainingQuantity, boolean cancelled) {
}
