package io.kisbridge.core;

import java.util.List;

/** inquire-balance: holdings of every page and the account summary (output2). Amounts in KRW. */
public record Balance(List<Holding> holdings, long cashDeposit, long settlementD1, long settlementD2,
                      long securitiesValue, long totalValue, long purchaseTotal, long evaluationTotal,
                      long profitLossTotal) {
    public Balance {
        holdings = List.copyOf(holdings);
    }
}
