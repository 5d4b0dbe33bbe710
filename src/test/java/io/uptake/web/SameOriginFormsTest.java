package io.uptake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in forms as browsers send them, over a raw socket: posted from Uptake's own page they sign in, even when the
 * body arrives in a second packet after the headers (Micronaut's own CSRF filter answered 500 then); posted from
 * another site, by Origin or by Fetch Metadata, they are refused with 403 and nobody is signed in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameOriginFormsTest implements TestPropertyProvider {

    static final String TOKEN = "same-origin-forms-test-token";
    static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile(
            "name=\"csrfToken\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("uptake.admin-token", TOKEN);
    }

    @Test
    void aFormFromUptakesOwnPageSignsInWhetherTheBodyComesWithTheHeadersOrAfterThem() throws Exception {
        String own = "Origin: http://127.0.0.1:" + server.getPort() + "\r\nSec-Fetch-Site: same-origin\r\n";
        assertThat(post(own, false)).startsWith("HTTP/1.1 303").contains("uptake_session=ey");
        assertThat(post(own, true)).startsWith("HTTP/1.1 303").contains("uptake_session=ey");
    }

    @Test
    void aFormFromAnotherSiteIsRefusedAndSignsNobodyIn() throws Exception {
        // Micronaut's CORS handling already answers a foreign Origin with a bare 403; this filter backs it up
        String byOrigin = post("Origin: https://evil.example\r\n", true);
        assertThat(byOrigin).startsWith("HTTP/1.1 403").doesNotContain("uptake_session=ey");
        String byFetchMetadata = post("Sec-Fetch-Site: cross-site\r\n", true);
        assertThat(byFetchMetadata).startsWith("HTTP/1.1 403").contains("sent from another site")
                .doesNotContain("uptake_session=ey");
        assertThat(post("Sec-Fetch-Site: same-site\r\n", false)).startsWith("HTTP/1.1 403");
        assertThat(post("Origin: null\r\n", false)).startsWith("HTTP/1.1 403");
    }

    @Test
    void aClientThatIsNoBrowserIsNotAskedWhereItCameFrom() throws Exception {
        assertThat(post("", true)).startsWith("HTTP/1.1 303").contains("uptake_session=ey");
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** The sign-in page's form token and the cookie it came with, as a browser holds them. */
    private String[] formToken() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getPort()
                        + "/sign-in")).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher field = FIELD.matcher(page.body());
        assertThat(field.find()).as("the sign-in form carries a token").isTrue();
        String cookie = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("uptake_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new String[] {field.group(1), cookie};
    }

    private String post(String headers, boolean bodyLater) throws IOException, InterruptedException {
        String[] token = formToken();
        String body = "csrfToken=" + java.net.URLEncoder.encode(token[0], StandardCharsets.UTF_8)
                + "&username=admin&password=" + TOKEN;
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n" + headers + "Cookie: " + token[1] + "\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n"
                    + (bodyLater ? "Expect: 100-continue\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (bodyLater) {
                // the body only once the server has read the headers and asked for it: it must wait, not fail
                // (a request refused on its headers is answered at once, and its body never sent)
                String interim = readLine(socket.getInputStream());
                if (!interim.startsWith("HTTP/1.1 100")) {
                    ByteArrayOutputStream rest = new ByteArrayOutputStream();
                    socket.getInputStream().transferTo(rest);
                    return interim + "\r\n" + rest.toString(StandardCharsets.UTF_8);
                }
                readLine(socket.getInputStream());
            }
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
