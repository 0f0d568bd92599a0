"""Each documented error case comes back, through the official SDK, with the right code."""
import json
import time

import pytest
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.cvm.v20170312 import models

from emulator import COLLABORATOR_ACCOUNT, DEMO_ACCOUNT, PARTNERS, Emulator

BULK = [f"100030000{n:03d}" for n in range(1, 201)]


def code_of(call):
    with pytest.raises(TencentCloudSDKException) as raised:
        call()
    code = raised.value.get_code()
    if code != "ClientNetworkError":
        assert raised.value.get_request_id()
    return code


def raw(client, action, params):
    return lambda: client.call_json(action, params)


def filters(*pairs):
    return [{"Name": name, "Values": values} for name, values in pairs]


@pytest.fixture(scope="module")
def ids(demo):
    """Image ids of each kind in the demo data, found through the API."""
    client = demo.cvm()
    found = {}
    for kind in ("PRIVATE_IMAGE", "SHARED_IMAGE", "PUBLIC_IMAGE"):
        offset = 0
        while True:
            reply = client.call_json("DescribeImages", {"Filters": filters(("image-type", [kind])), "Offset": offset,
                                                         "Limit": 100})["Response"]
            for image in reply["ImageSet"]:
                if kind != "PRIVATE_IMAGE":
                    found.setdefault(kind, image["ImageId"])
                elif image["ImageName"].startswith("vault-encrypted"):
                    found.setdefault("encrypted", image["ImageId"])
                elif image["ImageState"] != "NORMAL":
                    found.setdefault(image["ImageState"], image["ImageId"])
                elif image["LicenseType"] == "BYOL":
                    found.setdefault("BYOL", image["ImageId"])
                else:
                    found.setdefault("NORMAL", image["ImageId"])
            offset += 100
            if offset >= reply["TotalCount"]:
                break
    return found


VALIDATION = [
    ("DescribeImages", {"Limit": 101}, "InvalidParameterValue.InvalidParameterValueLimit"),
    ("DescribeImages", {"Limit": 0}, "InvalidParameterValue.InvalidParameterValueLimit"),
    ("DescribeImages", {"Limit": "10"}, "InvalidParameter"),
    ("DescribeImages", {"Offset": -1}, "InvalidParameterValue"),
    ("DescribeImages", {"Filters": filters(*[("platform", ["x"])] * 11)}, "InvalidParameterValue.LimitExceeded"),
    ("DescribeImages", {"Filters": filters(("platform", list("abcdef")))}, "InvalidFilterValue.LimitExceeded"),
    ("DescribeImages", {"Filters": filters(("colour", ["red"]))}, "InvalidFilter"),
    ("DescribeImages", {"Filters": filters(("image-type", ["MINE"]))}, "InvalidFilter"),
    ("DescribeImages", {"ImageIds": ["img-00000001"], "Filters": filters(("platform", ["x"]))},
     "InvalidParameter.InvalidParameterCoexistImageIdsFilters"),
    ("DescribeImages", {"ImageIds": ["image-1"]}, "InvalidImageId.Malformed"),
    ("DescribeImages", {"InstanceType": "tiny"}, "InvalidInstanceType.Malformed"),
    ("DescribeImages", {"Colour": "red"}, "UnknownParameter"),
    ("DescribeImageQuota", {"Limit": 1}, "UnknownParameter"),
    ("DescribeImageSharePermission", {}, "MissingParameter"),
    ("DescribeImageSharePermission", {"ImageId": "img-bad"}, "InvalidImageId.Malformed"),
    ("DescribeImageSharePermission", {"ImageId": "img-zzzzzzzz"}, "InvalidImageId.NotFound"),
    ("ModifyImageSharePermission", {"ImageId": "img-zzzzzzzz", "AccountIds": [PARTNERS[1]]}, "MissingParameter"),
    ("ModifyImageSharePermission", {"ImageId": "img-zzzzzzzz", "AccountIds": [PARTNERS[1]], "Permission": "LEND"},
     "InvalidParameterValue"),
    ("ModifyImageSharePermission", {"ImageId": "img-zzzzzzzz", "AccountIds": [PARTNERS[1]], "Permission": "SHARE"},
     "InvalidImageId.NotFound"),
    ("DescribeNothing", {}, "InvalidAction"),
]


@pytest.mark.parametrize("action,params,code", VALIDATION, ids=[f"{a}-{c}-{i}" for i, (a, _, c) in enumerate(VALIDATION)])
def test_validation(demo, action, params, code):
    assert code_of(raw(demo.common(), action, params)) == code


def test_unknown_version_and_product(demo):
    assert code_of(raw(demo.common(version="2099-01-01"), "DescribeImages", {})) == "NoSuchVersion"
    assert code_of(raw(demo.common("nosuch", "2017-03-12"), "DescribeImages", {})) == "NoSuchProduct"


def test_region_rules(demo):
    assert code_of(raw(demo.common(region=""), "DescribeImages", {})) == "MissingParameter"
    assert code_of(raw(demo.common(region="mars-north-1"), "DescribeImages", {})) == "UnsupportedRegion"
    # DescribeRegions needs no region.
    assert demo.common(region="").call_json("DescribeRegions", {})["Response"]["TotalCount"] >= 5


def share(client, image, accounts, permission="SHARE"):
    request = models.ModifyImageSharePermissionRequest()
    request.ImageId = image
    request.AccountIds = accounts
    request.Permission = permission
    return lambda: client.ModifyImageSharePermission(request)


def describe_request(image_id):
    request = models.DescribeImageSharePermissionRequest()
    request.ImageId = image_id
    return request


def shares_of(client, image):
    return [p.AccountId for p in client.DescribeImageSharePermission(describe_request(image)).SharePermissionSet]


def test_sharing_refusals(demo, ids):
    client = demo.cvm()
    assert code_of(share(client, ids["CREATING"], [PARTNERS[1]])) == "InvalidParameterValue.InvalidImageState"
    assert code_of(share(client, ids["BYOL"], [PARTNERS[1]])) == "FailedOperation.BYOLImageShareFailed"
    assert code_of(share(client, ids["encrypted"], [PARTNERS[1]])) == "UnsupportedOperation.EncryptedImagesNotSupported"
    assert code_of(share(client, ids["SHARED_IMAGE"], [PARTNERS[1]])) == "UnauthorizedOperation.ImageNotBelongToAccount"
    assert code_of(share(client, ids["PUBLIC_IMAGE"], [PARTNERS[1]])) == "UnauthorizedOperation.ImageNotBelongToAccount"
    assert code_of(share(client, "img-bad", [PARTNERS[1]])) == "InvalidImageId.Malformed"
    normal = ids["NORMAL"]
    assert code_of(share(client, normal, [DEMO_ACCOUNT])) == "FailedOperation.AccountIsYourSelf"
    assert code_of(share(client, normal, [COLLABORATOR_ACCOUNT])) == "FailedOperation.NotMasterAccount"
    assert code_of(share(client, normal, ["100099999999"])) == "InvalidAccountId.NotFound"
    assert code_of(share(client, normal, [])) == "InvalidParameterValue"
    # Images are regional: the same id is unknown in another region.
    assert code_of(share(demo.cvm(region="ap-tokyo"), normal, [PARTNERS[1]])) == "InvalidImageId.NotFound"
    assert code_of(lambda: client.DescribeImageSharePermission(describe_request(ids["SHARED_IMAGE"]))) \
        == "UnauthorizedOperation.ImageNotBelongToAccount"
    assert shares_of(client, normal) == []


def test_already_shared_and_all_or_nothing(fresh, ids):
    emulator = fresh("--rate-limit", "off")
    client = emulator.cvm()
    image = ids["NORMAL"]
    share(client, image, [PARTNERS[1]])()
    assert code_of(share(client, image, [PARTNERS[2], PARTNERS[1]])) == "FailedOperation.AccountAlreadyExists"
    assert code_of(share(client, image, [PARTNERS[3], "100099999999"])) == "InvalidAccountId.NotFound"
    assert code_of(share(client, image, [PARTNERS[3], COLLABORATOR_ACCOUNT])) == "FailedOperation.NotMasterAccount"
    assert shares_of(client, image) == [PARTNERS[1]]


def test_over_500_accounts(fresh, ids, tmp_path):
    # Build a state with 500+ root accounts from the demo data: --dump, edit, --state.
    dump = tmp_path / "demo.json"
    first = fresh("--dump", str(dump))
    assert first.stop() == 0
    state = json.loads(dump.read_text())
    extra = [f"1000500{n:05d}" for n in range(400)]
    state["accounts"] += [{"accountId": a, "name": a, "kind": "root", "credentials": [], "imageQuota": 500}
                          for a in extra]
    edited = tmp_path / "many.json"
    edited.write_text(json.dumps(state))

    emulator = fresh("--state", str(edited), "--rate-limit", "off")
    assert len(emulator.banner) == 4  # the demo credentials are still there
    client = emulator.cvm()
    image = ids["NORMAL"]
    targets = BULK + extra[:300]
    share(client, image, targets[:250])()
    assert code_of(share(client, image, targets[250:] + [PARTNERS[1]])) == "OverQuota"
    assert len(shares_of(client, image)) == 250
    share(client, image, targets[250:])()
    assert len(shares_of(client, image)) == 500
    assert code_of(share(client, image, [PARTNERS[1]])) == "OverQuota"


def test_max_account_ids(fresh, ids):
    client = fresh("--max-account-ids", "2", "--rate-limit", "off").cvm()
    assert code_of(share(client, ids["NORMAL"], PARTNERS[1:4])) == "InvalidParameterValue.LimitExceeded"
    share(client, ids["NORMAL"], PARTNERS[1:3])()


def test_rate_limit(fresh):
    client = fresh("--rate-limit", "3").cvm()
    request = models.DescribeImageQuotaRequest()
    codes = []
    for _ in range(6):
        try:
            client.DescribeImageQuota(request)
            codes.append(None)
        except TencentCloudSDKException as error:
            codes.append(error.get_code())
    assert codes[:3] == [None] * 3
    assert "RequestLimitExceeded" in codes[3:]


def test_documented_rate_limit(fresh, ids):
    client = fresh().cvm()
    request = describe_request(ids["NORMAL"])
    codes = []
    started = time.monotonic()
    for _ in range(12):
        try:
            client.DescribeImageSharePermission(request)
            codes.append(None)
        except TencentCloudSDKException as error:
            codes.append(error.get_code())
    elapsed = time.monotonic() - started
    assert codes[:10] == [None] * 10
    if elapsed < 1.0:  # 10 per second: within one second the 11th call is refused
        assert codes[10] == "RequestLimitExceeded"


def test_injected_internal_error(fresh, ids):
    client = fresh("--fail-rate", "1", "--fail-kinds", "internal", "--rate-limit", "off").cvm()
    assert code_of(share(client, ids["NORMAL"], [PARTNERS[1]])) == "InternalError"


@pytest.mark.parametrize("kind,applied", [("drop", False), ("drop-after", True)])
def test_dropped_connections(fresh, ids, tmp_path, kind, applied):
    dump = tmp_path / "after.json"
    emulator = fresh("--fail-rate", "1", "--fail-kinds", kind, "--rate-limit", "off", "--dump", str(dump),
                     "--latency-ms", "5")
    assert code_of(share(emulator.cvm(), ids["NORMAL"], [PARTNERS[1]])) == "ClientNetworkError"
    assert emulator.stop() == 0
    state = json.loads(dump.read_text())
    image = next(i for r in state["regions"] if r["region"] == "ap-nanjing" for i in r["images"]
                 if i["imageId"] == ids["NORMAL"])
    assert ([s["accountId"] for s in image["shares"]] == [PARTNERS[1]]) == applied


def test_faults_are_deterministic(fresh):
    def sequence():
        client = fresh("--fail-rate", "0.5", "--fail-kinds", "internal", "--seed", "11", "--rate-limit", "off").cvm()
        out = []
        for _ in range(20):
            try:
                client.DescribeImageQuota(models.DescribeImageQuotaRequest())
                out.append("ok")
            except TencentCloudSDKException as error:
                out.append(error.get_code())
        return out

    first = sequence()
    assert first == sequence()
    assert "ok" in first and "InternalError" in first


def test_collaborator_key_cannot_be_a_target_but_can_call(demo):
    from emulator import COLLABORATOR_ID, COLLABORATOR_KEY

    reply = demo.sts(credential.Credential(COLLABORATOR_ID, COLLABORATOR_KEY)).call_json("GetCallerIdentity", {})
    assert reply["Response"]["AccountId"] == DEMO_ACCOUNT
    assert reply["Response"]["UserId"] == COLLABORATOR_ACCOUNT


def test_log_has_no_secrets(fresh, tmp_path):
    log = tmp_path / "calls.jsonl"
    emulator = fresh("--log", str(log), "--rate-limit", "off")
    emulator.cvm().DescribeImageQuota(models.DescribeImageQuotaRequest())
    with pytest.raises(TencentCloudSDKException):
        emulator.cvm(region="mars-north-1").DescribeImageQuota(models.DescribeImageQuotaRequest())
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(l["action"], l["errorCode"]) for l in lines] == [("DescribeImageQuota", None),
                                                             ("DescribeImageQuota", "UnsupportedRegion")]
    assert set(lines[0]) == {"time", "at", "action", "region", "host", "accountId", "parameters", "errorCode", "requestId",
                             "fault", "ms"}
    assert emulator.secret_key not in log.read_text()


def test_state_file_errors_are_reported(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(RuntimeError, match="cannot read state file"):
        Emulator("--state", str(broken))
