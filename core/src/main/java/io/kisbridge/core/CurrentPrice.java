package io.kisbridge.core;

import java.math.BigDecimal;
import java.util.Map;

/** inquire-price: the current price of one stock. {@code raw} holds every field KIS returned. */
public record CurrentPrice(String code, long price, long change, String changeSign, BigDecimal changeRate,
                           long open, long high, long low, long upperLimit, long lowerLimit, long basePrice,
                           long volume, long tradingValue, BigDecimal per, BigDecimal pbr, BigDecimal eps,
                           BigDecimal bps, Map<String, String> raw) {
}
