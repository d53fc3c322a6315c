package io.kisbridge.bridge.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A servlet filter in front of every route: a body larger than {@link #MAX_BODY} is answered 413 and the connection
 * closed, without the body being read — with a Content-Length at once; a chunked body (no length) is read up to the
 * limit and refused as soon as it passes it, so at most {@code MAX_BODY} bytes are held per request (Javalin's own
 * {@code maxRequestSize} only looks at Content-Length). A target whose percent-encoding is malformed ({@code %},
 * {@code %zz}, {@code %u0030}) is answered 400 instead of failing inside the router.
 */
public final class RequestLimits implements Filter {
    /** The largest body any route takes: a script of 1 MiB, JSON-escaped, or a batch of 10,000 calls. */
    public static final int MAX_BODY = 4 << 20;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!wellEncoded(req.getRequestURI()) || req.getQueryString() != null && !wellEncoded(req.getQueryString())) {
            refuse(res, 400, "bad_input", "the URL has a malformed percent-encoding (% must be followed by two hex digits)");
            return;
        }
        long length = req.getContentLengthLong();
        if (length > MAX_BODY) {
            refuse(res, 413, "too_large", tooLarge());
            return;
        }
        if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
            byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuse(res, 413, "too_large", tooLarge());
                return;
            }
            chain.doFilter(new ReadBody(req, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String tooLarge() {
        return "the request body is larger than " + (MAX_BODY >> 20) + " MiB, the most any route takes";
    }

    static boolean wellEncoded(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (!hex(s, i + 1) || !hex(s, i + 2)) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static void refuse(HttpServletResponse res, int status, String kind, String message) throws IOException {
        res.setStatus(status);
        res.setHeader("Connection", "close"); // the rest of a refused body is not worth reading
        res.setContentType("application/json; charset=utf-8");
        String json = "{\"error\":{\"kind\":\"" + kind + "\",\"message\":\"" + message + "\",\"status\":" + status + "}}";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        res.setContentLength(b.length);
        res.getOutputStream().write(b);
    }

    /** The request with its chunked body already read (within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
