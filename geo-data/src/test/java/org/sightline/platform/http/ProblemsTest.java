package org.sightline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One problem document, whether a resource answers it as a map or as bytes. */
class ProblemsTest {

    @Test
    void mapAndBytesCarryTheSameMembersInTheSameOrder() {
        MutableHttpResponse<Map<String, Object>> map = Problems.response(HttpStatus.NOT_FOUND, "Not found", "no plan with id 'x\"'");
        MutableHttpResponse<byte[]> bytes = Problems.bytes(HttpStatus.NOT_FOUND, "Not found", "no plan with id 'x\"'");
        assertThat(map.body()).containsExactly(Map.entry("type", "about:blank"), Map.entry("title", "Not found"),
                Map.entry("status", 404), Map.entry("detail", "no plan with id 'x\"'"));
        assertThat(new String(bytes.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no plan with id 'x\\\"'\"}");
        assertThat(map.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(bytes.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(bytes.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void blankDetailIsLeftOutAndPerItemProblemsAreKept() {
        assertThat(Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "Down", " ").body()).doesNotContainKey("detail");
        Map<String, Object> body = Problems.badRequest("2 lines refused", List.of("line 2: bad plate")).body();
        assertThat(body).containsEntry("title", "Bad Request").containsEntry("status", 400)
                .containsEntry("problems", List.of("line 2: bad plate"));
        assertThat(Problems.badRequest("x", List.of()).body()).doesNotContainKey("problems");
    }
}
