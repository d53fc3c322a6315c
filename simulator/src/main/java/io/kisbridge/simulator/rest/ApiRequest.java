package io.kisbridge.simulator.rest;

import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.market.MarketEngine;
import java.util.Map;

/**
 * A request that passed the gateway checks.
 *
 * @param params parameter values by UPPER-CASE name (query names match case-insensitively)
 * @param trCont request header tr_cont ("" on a first call, "N" for the next page)
 */
public record ApiRequest(SimEnvironment env, Route route, String trId, Map<String, String> params, String trCont,
                         Account account, MarketEngine market) {

    public String param(String name) {
        String v = params.get(name.toUpperCase(java.util.Locale.ROOT));
        return v == null ? "" : v.trim();
    }

    /** The raw (untrimmed) value, for ctx_area keys. */
    public String rawParam(String name) {
        String v = params.get(name.toUpperCase(java.util.Locale.ROOT));
        return v == null ? "" : v;
    }

    public boolean paper() {
        return env == SimEnvironment.PAPER;
    }
}
