"""Smoke test of the generated Python SDK against the Prism mock of the bundled spec.

Run through `node tools/openapi-generator-smoke.mjs`, which starts Prism and sets DRS_MOCK_URL and
DRS_EXAMPLES_DIR. Expected values come from the spec's example files, never copied by hand.
"""

import json
import os
from pathlib import Path

import pydantic
import pytest

import drs_contract
from drs_contract.exceptions import ApiException, BadRequestException
from drs_contract.models import JobDirection, ShowJobListRequest, ShowJobListResponse

EXAMPLES = Path(os.environ["DRS_EXAMPLES_DIR"])
SEED_REQUEST = json.loads((EXAMPLES / "request-seed.json").read_text(encoding="utf-8"))["value"]
SEED_RESPONSE = json.loads((EXAMPLES / "response-200-seed.json").read_text(encoding="utf-8"))["value"]
PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"


@pytest.fixture()
def api():
    configuration = drs_contract.Configuration(host=os.environ["DRS_MOCK_URL"], api_key={"iamToken": "smoke-token"})
    with drs_contract.ApiClient(configuration) as client:
        yield drs_contract.TaskManagementApi(client)


def test_seed_request_serialises_with_its_empty_string_filters(api):
    request = ShowJobListRequest.from_dict(SEED_REQUEST)
    # What the client puts on the wire: the "" filters (D1) stay "", none is dropped or defaulted.
    assert api.api_client.sanitize_for_serialization(request) == SEED_REQUEST
    assert request.engine_type == "" and request.net_type == "" and request.status == "" and request.name == ""


def test_seed_response_round_trips_through_the_models():
    response = ShowJobListResponse.from_dict(SEED_RESPONSE)
    assert response.to_dict() == SEED_RESPONSE
    directions = {job.job_direction for job in response.jobs}
    assert JobDirection("non-dbs") in directions  # D2
    # node_newFramework keeps its wire name; the long descriptions keep their line breaks.
    assert all("node_newFramework" in job for job in response.to_dict()["jobs"])
    assert any("\n" in job.description for job in response.jobs)


def test_unknown_response_fields_do_not_break_the_client():  # D9
    extended = json.loads(json.dumps(SEED_RESPONSE))
    extended["jobs"][0]["added_later"] = {"by": "the service"}
    extended["next_marker"] = "abc"
    assert ShowJobListResponse.from_dict(extended).to_dict() == extended


def test_seed_request_against_the_mock(api):
    result = api.show_job_list_with_http_info(PROJECT_ID, ShowJobListRequest.from_dict(SEED_REQUEST))
    assert result.status_code == 200
    body = result.data
    assert body.total_record == SEED_RESPONSE["total_record"] == 7
    assert len(body.jobs) == len(SEED_RESPONSE["jobs"]) == 5
    first = SEED_RESPONSE["jobs"][0]
    assert body.jobs[0].id == first["id"]
    assert body.jobs[0].job_direction == JobDirection(first["job_direction"])
    assert body.to_dict() == SEED_RESPONSE


def test_per_page_101_is_refused_by_the_model_and_by_the_mock(api):
    with pytest.raises(pydantic.ValidationError):
        ShowJobListRequest.from_dict({**SEED_REQUEST, "per_page": 101})
    # Past the client's own check, the mock answers 400 and the SDK raises its API error.
    too_many = ShowJobListRequest.model_construct(**{**ShowJobListRequest.from_dict(SEED_REQUEST).__dict__, "per_page": 101})
    with pytest.raises(BadRequestException) as raised:
        api.show_job_list(PROJECT_ID, too_many)
    error = raised.value
    assert isinstance(error, ApiException)
    assert error.status == 400
    assert json.loads(error.body)["error_code"].startswith("DRS.")
