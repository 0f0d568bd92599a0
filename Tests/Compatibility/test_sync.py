"""SyncImages through the official SDK: copies to other regions, their progress, and every refusal."""
import json
import time

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.cvm.v20170312 import models

from emulator import DEMO_ACCOUNT, REGION, Emulator, parse


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    """The demo state as JSON (from --dump), to pick images by their hidden facts."""
    path = tmp_path_factory.mktemp("sync") / "demo.json"
    Emulator("--dump", str(path)).stop()
    return json.loads(path.read_text())


def images(state, region, **facts):
    found = next(r for r in state["regions"] if r["region"] == region)["images"]
    return [i for i in found if all(i.get(k) == v for k, v in facts.items())]


def own_normal(state, region=REGION):
    return [i for i in images(state, region, ownerAccountId=DEMO_ACCOUNT, imageState="NORMAL") if not i["encrypted"]]


def start(fresh, state, tmp_path, *args, edit=None):
    """An emulator over (an edited copy of) the demo state."""
    data = json.loads(json.dumps(state))
    if edit:
        edit(data)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data))
    return fresh("--state", str(path), "--rate-limit", "off", *args)


def sync_request(image_id, regions, name=None, dry_run=None, set_required=True):
    request = models.SyncImagesRequest()
    request.ImageIds = [image_id]
    request.DestinationRegions = regions
    request.ImageName = name
    request.DryRun = dry_run
    request.ImageSetRequired = set_required
    return request


def code_of(call):
    with pytest.raises(TencentCloudSDKException) as raised:
        call()
    assert raised.value.get_request_id()
    return raised.value.get_code()


def describe(emulator, region, image_id):
    request = models.DescribeImagesRequest()
    request.ImageIds = [image_id]
    found = emulator.cvm(region=region).DescribeImages(request).ImageSet
    return found[0] if found else None


def test_copies_parse_and_finish(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path, "--copy-seconds", "2")
    source = own_normal(state)[0]
    response, unknown = parse(
        emulator.cvm(), "SyncImages", sync_request(source["imageId"], ["ap-tokyo", "ap-singapore"]),
        models.SyncImagesResponse)
    assert unknown == []
    assert [c.Region for c in response.ImageSet] == ["ap-tokyo", "ap-singapore"]
    copy = describe(emulator, "ap-tokyo", response.ImageSet[0].ImageId)
    assert copy.ImageType == "PRIVATE_IMAGE" and copy.ImageName == source["imageName"]
    assert copy.ImageState == "SYNCING" and 0 <= copy.SyncPercent < 100
    assert describe(emulator, REGION, source["imageId"]).ImageState == "NORMAL"
    deadline = time.monotonic() + 20
    while copy.ImageState != "NORMAL" and time.monotonic() < deadline:
        time.sleep(0.2)
        copy = describe(emulator, "ap-tokyo", response.ImageSet[0].ImageId)
    assert copy.ImageState == "NORMAL"
    permission = models.DescribeImageSharePermissionRequest()
    permission.ImageId = copy.ImageId
    assert emulator.cvm(region="ap-tokyo").DescribeImageSharePermission(permission).SharePermissionSet == []


def test_without_image_set_required(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path)
    source = own_normal(state)[0]
    response = emulator.cvm().SyncImages(sync_request(source["imageId"], ["ap-tokyo"], set_required=None))
    assert response.ImageSet == []


def test_dry_run_copies_nothing(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path)
    source = own_normal(state)[0]
    emulator.cvm().SyncImages(sync_request(source["imageId"], ["ap-tokyo"], dry_run=True))
    request = models.DescribeImagesRequest()
    request.Filters = [models.Filter()]
    request.Filters[0].Name, request.Filters[0].Values = "image-type", ["PRIVATE_IMAGE"]
    assert emulator.cvm(region="ap-tokyo").DescribeImages(request).TotalCount == 0


def test_source_syncing(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path, "--copy-seconds", "600", "--source-syncing")
    source = own_normal(state)[0]
    emulator.cvm().SyncImages(sync_request(source["imageId"], ["ap-tokyo"]))
    assert describe(emulator, REGION, source["imageId"]).ImageState == "SYNCING"


def test_shared_in_image_only_into_its_region(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path)
    shared = [i for i in images(state, REGION, imageState="NORMAL")
              if any(s["accountId"] == DEMO_ACCOUNT for s in i["shares"])][0]
    client = emulator.cvm()
    assert code_of(lambda: client.SyncImages(sync_request(shared["imageId"], ["ap-tokyo"]))) \
        == "InvalidParameterValue.InvalidRegion"
    made = client.SyncImages(sync_request(shared["imageId"], [REGION], name="partner-copy")).ImageSet
    assert describe(emulator, REGION, made[0].ImageId).ImageType == "PRIVATE_IMAGE"


def test_refusals(fresh, state, tmp_path):
    def edit(data):
        data["regions"].append({"region": "ap-closed", "regionName": "closed", "regionState": "UNAVAILABLE",
                                "images": []})

    emulator = start(fresh, state, tmp_path, edit=edit)
    client = emulator.cvm()
    source = own_normal(state)[0]["imageId"]
    not_normal = images(state, REGION, ownerAccountId=DEMO_ACCOUNT, imageState="CREATING")[0]["imageId"]
    encrypted = images(state, REGION, ownerAccountId=DEMO_ACCOUNT, encrypted=True)[0]["imageId"]
    public = images(state, REGION, ownerAccountId=None)[0]["imageId"]
    guangzhou_name = own_normal(state, "ap-guangzhou")[0]["imageName"]
    cases = [
        (source, [REGION], None, "InvalidParameterValue.InvalidRegion"),
        (not_normal, ["ap-tokyo"], None, "InvalidImageId.IncorrectState"),
        (encrypted, ["ap-tokyo"], None, "UnsupportedOperation.SyncEncryptImageNotSupport"),
        (public, ["ap-tokyo"], None, "InvalidParameterValue.InvalidImageId"),
        ("img-99999999", ["ap-tokyo"], None, "InvalidImageId.NotFound"),
        ("img-bad", ["ap-tokyo"], None, "InvalidImageId.Malformed"),
        (source, ["ap-nowhere"], None, "InvalidRegion.NotFound"),
        (source, ["ap-closed"], None, "InvalidRegion.Unavailable"),
        (source, ["ap-guangzhou"], guangzhou_name, "InvalidImageName.Duplicate"),
        (source, ["ap-tokyo"], "n" * 61, "InvalidParameterValue"),
    ]
    for image_id, regions, name, code in cases:
        assert code_of(lambda: client.SyncImages(sync_request(image_id, regions, name))) == code, (image_id, regions)
    two = models.SyncImagesRequest()
    two.ImageIds, two.DestinationRegions = [source, not_normal], ["ap-tokyo"]
    assert code_of(lambda: client.SyncImages(two)) == "InvalidParameterValue.LimitExceeded"
    # A name of exactly 60 characters is accepted.
    assert client.SyncImages(sync_request(source, ["ap-tokyo"], "n" * 60)).ImageSet


def test_quota(fresh, state, tmp_path):
    def edit(data):
        for account in data["accounts"]:
            if account["accountId"] == DEMO_ACCOUNT:
                account["imageQuota"] = 3

    emulator = start(fresh, state, tmp_path, edit=edit)
    assert emulator.cvm(region="ap-singapore").DescribeImageQuota(models.DescribeImageQuotaRequest()).ImageNumQuota == 3
    source = own_normal(state)[0]["imageId"]
    # ap-singapore already holds 3 images of the demo account.
    assert code_of(lambda: emulator.cvm().SyncImages(sync_request(source, ["ap-singapore"]))) \
        == "ImageQuotaLimitExceeded"
    assert emulator.cvm().SyncImages(sync_request(source, ["ap-tokyo"])).ImageSet


def test_faults_apply(fresh, state, tmp_path):
    emulator = start(fresh, state, tmp_path, "--fail-rate", "1", "--fail-kinds", "internal")
    source = own_normal(state)[0]["imageId"]
    assert code_of(lambda: emulator.cvm().SyncImages(sync_request(source, ["ap-tokyo"]))) == "InternalError"
