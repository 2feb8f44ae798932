// Smoke test of the generated Go SDK against the Prism mock of the bundled spec. Run through
// `node tools/openapi-generator-smoke.mjs`, which starts Prism and sets DRS_MOCK_URL and
// DRS_EXAMPLES_DIR. Expected values come from the spec's example files, never copied by hand.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	drs "github.com/drs-contract/sdk-go"
)

const projectID = "054ba152d480d55b2f5dc0069e7ddef0"

// example returns the `value` of an Example Object file, as raw JSON.
func example(t *testing.T, name string) json.RawMessage {
	t.Helper()
	dir := os.Getenv("DRS_EXAMPLES_DIR")
	if dir == "" {
		t.Fatal("DRS_EXAMPLES_DIR is not set: run through tools/openapi-generator-smoke.mjs")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	return file.Value
}

// sameJSON compares two JSON documents as values, not as bytes.
func sameJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w interface{}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("JSON differs\n got: %s\nwant: %s", got, want)
	}
}

func client(t *testing.T) (*drs.APIClient, context.Context) {
	t.Helper()
	url := os.Getenv("DRS_MOCK_URL")
	if url == "" {
		t.Fatal("DRS_MOCK_URL is not set: run through tools/openapi-generator-smoke.mjs")
	}
	cfg := drs.NewConfiguration()
	cfg.Servers = drs.ServerConfigurations{{URL: url}}
	ctx := context.WithValue(context.Background(), drs.ContextAPIKeys, map[string]drs.APIKey{"iamToken": {Key: "smoke-token"}})
	return drs.NewAPIClient(cfg), ctx
}

func seedRequest(t *testing.T) drs.ShowJobListRequest {
	t.Helper()
	var req drs.ShowJobListRequest
	if err := json.Unmarshal(example(t, "request-seed.json"), &req); err != nil {
		t.Fatal(err)
	}
	return req
}

func TestSeedRequestSerialisesWithItsEmptyStringFilters(t *testing.T) {
	req := seedRequest(t)
	// The SDK sends json.Marshal of the model: the "" filters (D1) must stay on the wire.
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, body, example(t, "request-seed.json"))
	if req.GetEngineType() != "" || req.GetNetType() != "" || req.GetStatus() != "" || !req.HasStatus() {
		t.Fatalf("empty-string filters lost: %+v", req)
	}
}

func TestSeedResponseRoundTripsThroughTheModels(t *testing.T) {
	want := example(t, "response-200-seed.json")
	var page drs.ShowJobListResponse
	if err := json.Unmarshal(want, &page); err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(page)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, got, want)
	if !strings.Contains(string(got), `"node_newFramework"`) || !strings.Contains(string(got), `"non-dbs"`) {
		t.Fatal("node_newFramework or non-dbs did not survive")
	}
}

func TestUnknownResponseFieldsDoNotBreakTheClient(t *testing.T) { // D9
	var doc map[string]interface{}
	if err := json.Unmarshal(example(t, "response-200-seed.json"), &doc); err != nil {
		t.Fatal(err)
	}
	doc["next_marker"] = "abc"
	doc["jobs"].([]interface{})[0].(map[string]interface{})["added_later"] = map[string]interface{}{"by": "the service"}
	extended, _ := json.Marshal(doc)
	var page drs.ShowJobListResponse
	if err := json.Unmarshal(extended, &page); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(page)
	sameJSON(t, got, extended)
}

func TestSeedRequestAgainstTheMock(t *testing.T) {
	api, ctx := client(t)
	page, res, err := api.TaskManagementAPI.ShowJobList(ctx, projectID).ShowJobListRequest(seedRequest(t)).Execute()
	if err != nil {
		t.Fatal(err)
	}
	var want drs.ShowJobListResponse
	if err := json.Unmarshal(example(t, "response-200-seed.json"), &want); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if page.TotalRecord != 7 || page.TotalRecord != want.TotalRecord {
		t.Fatalf("total_record %d", page.TotalRecord)
	}
	if len(page.Jobs) != 5 || len(page.Jobs) != len(want.Jobs) {
		t.Fatalf("%d jobs", len(page.Jobs))
	}
	if page.Jobs[0].Id != want.Jobs[0].Id || page.Jobs[0].JobDirection != want.Jobs[0].JobDirection {
		t.Fatalf("first job %s/%s, want %s/%s", page.Jobs[0].Id, page.Jobs[0].JobDirection, want.Jobs[0].Id, want.Jobs[0].JobDirection)
	}
}

func TestPerPage101IsAnAPIErrorWithStatus400(t *testing.T) {
	api, ctx := client(t)
	req := seedRequest(t)
	req.SetPerPage(101)
	_, res, err := api.TaskManagementAPI.ShowJobList(ctx, projectID).ShowJobListRequest(req).Execute()
	var apiErr *drs.GenericOpenAPIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want *GenericOpenAPIError, got %T %v", err, err)
	}
	if res == nil || res.StatusCode != 400 {
		t.Fatalf("want status 400, got %v", res)
	}
	body, ok := apiErr.Model().(drs.ErrorBody)
	if !ok || !strings.HasPrefix(body.ErrorCode, "DRS.") {
		t.Fatalf("want an ErrorBody with a DRS code, got %#v", apiErr.Model())
	}
}
