package com.fernway.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Converts amounts using ECB reference rates.
 *
 * @deprecated Use PricingService/ConvertAmount (pricing-api). See ADR 0007.
 */
@Deprecated(since = "3.2.0", forRemoval = true)
public final class CurrencyConverter {
    private final RateSource rates;

    private CurrencyConverter(RateSource rates) {
        this.rates = rates;
    }

    public static CurrencyConverter ecbDaily() {
        return new CurrencyConverter(EcbRateSource.daily());
    }

    public BigDecimal convert(BigDecimal amount, String from, String to) {
        return convertAt(amount, from, to, LocalDate.now());
    }

    public BigDecimal convertAt(BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) return amount;
        BigDecimal eurPerFrom = rates.eurRate(from, date);
        BigDecimal eurPerTo = rates.eurRate(to, date);
        return amount.multiply(eurPerTo).divide(eurPerFrom, 2, RoundingMode.HALF_EVEN);
    }
}
