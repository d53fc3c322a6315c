package io.kisbridge.bench.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The jetty client joins the frames of a text message itself (it skips Jetty's own text decoding). */
@Timeout(30)
class JettyStreamClientsTest {
    private record Received(String text, long threadId) {
    }

    @Test
    void handsOverWholeTextMessagesFragmentedOrNotOnItsOwnThreads() throws Exception {
        Javalin server = Javalin.create().ws("/v1/stream", ws -> ws.onMessage(ctx -> {
            var remote = ctx.session.getRemote();
            remote.sendPartialString("{\"topic\":\"trade:", false);
            remote.sendPartialString("삼성전자\",", false);
            remote.sendPartialString("\"data\":1}", true);
            remote.sendString("whole 가나다");
        })).start(0);
        try (JettyStreamClients clients = new JettyStreamClients(1)) {
            BlockingQueue<Received> got = new LinkedBlockingQueue<>();
            StreamConnection c = clients.connect("ws://localhost:" + server.port() + "/v1/stream",
                    (text, nanos) -> got.add(new Received(text, Thread.currentThread().threadId())), reason -> { });
            c.subscribe("trade:005930");

            Received fragmented = got.poll(10, SECONDS);
            Received whole = got.poll(10, SECONDS);
            assertThat(fragmented).isNotNull();
            assertThat(fragmented.text()).isEqualTo("{\"topic\":\"trade:삼성전자\",\"data\":1}");
            assertThat(whole).isNotNull();
            assertThat(whole.text()).isEqualTo("whole 가나다");
            assertThat(clients.isClientThread(fragmented.threadId())).as("the handler runs on a client thread").isTrue();
            assertThat(clients.isClientThread(Thread.currentThread().threadId())).isFalse();
            c.disconnect();
        } finally {
            server.stop();
        }
    }
}
