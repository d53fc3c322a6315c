package io.kisbridge.simulator.ws;

/** One (tr_id, tr_key) registration of a session, with the AES key/iv handed out in its ack. */
record Registration(String trId, String trKey, String aesKey, String aesIv) {
}
