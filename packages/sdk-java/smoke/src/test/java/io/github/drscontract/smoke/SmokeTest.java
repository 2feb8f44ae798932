// Smoke test of the generated Java SDK against the Prism mock of the bundled spec. Run through
// `node tools/openapi-generator-smoke.mjs`, which starts Prism and sets DRS_MOCK_URL and
// DRS_EXAMPLES_DIR. Expected values come from the spec's example files, never copied by hand.
package io.github.drscontract.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drscontract.sdk.ApiClient;
import io.github.drscontract.sdk.ApiException;
import io.github.drscontract.sdk.ApiResponse;
import io.github.drscontract.sdk.api.TaskManagementApi;
import io.github.drscontract.sdk.model.ErrorBody;
import io.github.drscontract.sdk.model.JobDirection;
import io.github.drscontract.sdk.model.ShowJobListRequest;
import io.github.drscontract.sdk.model.ShowJobListResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
  private static final String PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0";

  private final ApiClient apiClient = client();
  private final ObjectMapper mapper = apiClient.getObjectMapper();
  private final TaskManagementApi api = new TaskManagementApi(apiClient);

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(name + " is not set: run through tools/openapi-generator-smoke.mjs");
    }
    return value;
  }

  private static ApiClient client() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(env("DRS_MOCK_URL"));
    // The native library has no API-key support of its own: the token header goes in here.
    client.setRequestInterceptor(request -> request.header("X-Auth-Token", "smoke-token"));
    return client;
  }

  private JsonNode example(String name) throws Exception {
    return mapper.readTree(Files.readString(Path.of(env("DRS_EXAMPLES_DIR"), name))).get("value");
  }

  private ShowJobListRequest seedRequest() throws Exception {
    return mapper.treeToValue(example("request-seed.json"), ShowJobListRequest.class);
  }

  @Test
  void seedRequestSerialisesWithItsEmptyStringFilters() throws Exception {
    ShowJobListRequest request = seedRequest();
    // The client writes the body with this mapper: the "" filters (D1) must stay on the wire.
    assertEquals(example("request-seed.json"), mapper.readTree(mapper.writeValueAsBytes(request)));
    assertEquals(ShowJobListRequest.StatusEnum.EMPTY, request.getStatus());
    assertEquals("", request.getEngineType().getValue());
  }

  @Test
  void seedResponseRoundTripsThroughTheModels() throws Exception {
    JsonNode want = example("response-200-seed.json");
    ShowJobListResponse page = mapper.treeToValue(want, ShowJobListResponse.class);
    JsonNode got = mapper.readTree(mapper.writeValueAsBytes(page));
    assertEquals(want, got);
    assertTrue(page.getJobs().stream().anyMatch(job -> job.getJobDirection() == JobDirection.NON_DBS));
    assertTrue(got.get("jobs").get(0).has("node_newFramework"));
  }

  @Test
  void unknownResponseFieldsDoNotBreakTheClient() throws Exception { // D9
    ObjectNode extended = example("response-200-seed.json").deepCopy();
    extended.put("next_marker", "abc");
    ((ObjectNode) extended.get("jobs").get(0)).putObject("added_later").put("by", "the service");
    ShowJobListResponse page = mapper.treeToValue(extended, ShowJobListResponse.class);
    assertEquals(example("response-200-seed.json"), mapper.readTree(mapper.writeValueAsBytes(page)));
  }

  @Test
  void seedRequestAgainstTheMock() throws Exception {
    ShowJobListResponse want = mapper.treeToValue(example("response-200-seed.json"), ShowJobListResponse.class);
    ApiResponse<ShowJobListResponse> response = api.showJobListWithHttpInfo(PROJECT_ID, seedRequest(), null);
    assertEquals(200, response.getStatusCode());
    ShowJobListResponse page = response.getData();
    assertEquals(7, page.getTotalRecord());
    assertEquals(want.getTotalRecord(), page.getTotalRecord());
    assertEquals(5, page.getJobs().size());
    assertEquals(want.getJobs().size(), page.getJobs().size());
    assertEquals(want.getJobs().get(0).getId(), page.getJobs().get(0).getId());
    assertEquals(want.getJobs().get(0).getJobDirection(), page.getJobs().get(0).getJobDirection());
  }

  @Test
  void perPage101IsAnApiExceptionWithStatus400() throws Exception {
    ShowJobListRequest request = seedRequest().perPage(101);
    ApiException error = assertThrows(ApiException.class, () -> api.showJobList(PROJECT_ID, request, null));
    assertEquals(400, error.getCode());
    ErrorBody body = mapper.readValue(error.getResponseBody(), ErrorBody.class);
    assertTrue(body.getErrorCode().startsWith("DRS."), body.getErrorCode());
  }
}
