package io.kisbridge.core;

import io.kisbridge.core.rest.HttpTransport;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A scripted transport: answers by path, records every request. */
final class FakeTransport implements HttpTransport {
    static final String TOKEN_BODY = "{\"access_token\":\"eyJ.FAKE-ACCESS-TOKEN-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}";
    static final String OK = "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"정상처리 되었습니다!\",\"output\":{\"stck_prpr\":\"71900\"}}";

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ArrayDeque<Function<Request, Reply>>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Reply>> fallback = new ConcurrentHashMap<>();

    FakeTransport() {
        always("/oauth2/tokenP", r -> json(200, TOKEN_BODY));
        always("/uapi/hashkey", r -> json(200, "{\"BODY\":" + r.body() + ",\"HASH\":\"abc123hash\"}"));
        always("/oauth2/Approval", r -> json(200, "{\"approval_key\":\"a2585daf-8c09-4587-9fce-8ab893000001\"}"));
        always("/oauth2/revokeP", r -> json(200, "{\"code\":200,\"message\":\"ok\"}"));
    }

    static Reply json(int status, String body) {
        return new Reply(status, Map.of("content-type", "application/json"), body);
    }

    static Reply json(int status, String body, String trCont) {
        return new Reply(status, Map.of("content-type", "application/json", "tr_cont", trCont), body);
    }

    FakeTransport always(String path, Function<Request, Reply> answer) {
        fallback.put(path, answer);
        return this;
    }

    /** Answers the next request to path once (queued before the fallback). */
    synchronized FakeTransport once(String path, Function<Request, Reply> answer) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
        return this;
    }

    long count(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).count();
    }

    List<Request> to(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    @Override
    public Reply send(Request request) throws IOException {
        requests.add(request);
        String path = request.uri().getPath();
        Function<Request, Reply> f;
        synchronized (this) {
            ArrayDeque<Function<Request, Reply>> q = scripted.get(path);
            f = q != null && !q.isEmpty() ? q.poll() : fallback.get(path);
        }
        if (f == null) {
            return json(404, "{\"rt_cd\":\"1\",\"msg_cd\":\"OPSQ0002\",\"msg1\":\"없는 서비스 코드\"}");
        }
        return f.apply(request);
    }
}
