"""Image families, deprecation and tag filters through the official SDK: DescribeImageFromFamily,
ModifyImageAttribute and DescribeImages' tag-key / tag-value / tag:<key> filters."""
import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.cvm.v20170312 import models

from emulator import parse


def own_images(client):
    """Every image of the demo account in the region, through DescribeImages."""
    images, offset = [], 0
    while True:
        reply = client.call_json("DescribeImages", {
            "Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}], "Offset": offset, "Limit": 100,
        })["Response"]
        images += reply["ImageSet"]
        offset += 100
        if offset >= reply["TotalCount"]:
            return images


def newest_usable(images, family):
    usable = [i for i in images if i["ImageFamily"] == family and i["ImageState"] == "NORMAL"
              and not i["ImageDeprecated"]]
    return max(usable, key=lambda i: (i["CreatedTime"], [-ord(c) for c in i["ImageId"]]), default=None)


def latest(client, family):
    request = models.DescribeImageFromFamilyRequest()
    request.ImageFamily = family
    return client.DescribeImageFromFamily(request).Image


def code_of(call):
    with pytest.raises(TencentCloudSDKException) as raised:
        call()
    return raised.value.get_code()


def test_demo_images_carry_families_tags_and_deprecation(demo):
    images = own_images(demo.cvm())
    assert {"web-base", "db-base"} <= {i["ImageFamily"] for i in images}
    assert any(i["ImageDeprecated"] for i in images)
    tags = {(t["Key"], t["Value"]) for i in images for t in i["Tags"]}
    assert {("env", "prod"), ("env", "staging"), ("tier", "web"), ("tier", "db")} <= tags


def test_latest_of_a_family_parses_and_is_the_newest_usable(demo):
    client = demo.cvm()
    images = own_images(client)
    request = models.DescribeImageFromFamilyRequest()
    request.ImageFamily = "web-base"
    response, unknown = parse(client, "DescribeImageFromFamily", request, models.DescribeImageFromFamilyResponse)
    assert unknown == []
    assert response.Image.ImageId == newest_usable(images, "web-base")["ImageId"]
    assert response.Image.ImageFamily == "web-base" and response.Image.ImageDeprecated is False
    # The newest NORMAL web-base image is deprecated in the demo data: latest is an older one.
    normal = [i for i in images if i["ImageFamily"] == "web-base" and i["ImageState"] == "NORMAL"]
    assert max(normal, key=lambda i: i["CreatedTime"])["ImageDeprecated"] is True


def test_a_family_without_images_answers_null(demo):
    assert latest(demo.cvm(), "no-such-family") is None


def test_modify_image_attribute_then_latest_follows(fresh):
    emulator = fresh("--rate-limit", "off")
    client = emulator.cvm()
    images = own_images(client)
    before = newest_usable(images, "db-base")
    request = models.ModifyImageAttributeRequest()
    request.ImageId = before["ImageId"]
    request.ImageDeprecated = True
    request.ImageDescription = "superseded"
    assert client.ModifyImageAttribute(request).RequestId
    after = newest_usable(own_images(client), "db-base")
    assert latest(client, "db-base").ImageId == (after["ImageId"] if after else None)
    assert latest(client, "db-base").ImageId != before["ImageId"]
    # Renaming and joining another family show in DescribeImages.
    request = models.ModifyImageAttributeRequest()
    request.ImageId = before["ImageId"]
    request.ImageName = "db-base-retired"
    request.ImageFamily = "retired"
    client.ModifyImageAttribute(request)
    shown = client.call_json("DescribeImages", {"ImageIds": [before["ImageId"]]})["Response"]["ImageSet"][0]
    assert (shown["ImageName"], shown["ImageFamily"], shown["ImageDeprecated"]) == ("db-base-retired", "retired", True)
    assert shown["ImageDescription"] == "superseded"


def test_modify_image_attribute_errors(demo):
    client = demo.cvm()
    images = own_images(client)
    normal = [i for i in images if i["ImageState"] == "NORMAL"]
    other = next(i for i in images if i["ImageState"] not in ("NORMAL",))

    def modify(**fields):
        return lambda: client.call_json("ModifyImageAttribute", fields)

    assert code_of(modify(ImageId="img-bad")) == "InvalidImageId.Malformed"
    assert code_of(modify(ImageId="img-zzzzzzzz")) == "InvalidImageId.NotFound"
    assert code_of(modify(ImageId=other["ImageId"], ImageDeprecated=True)) == "InvalidImageId.IncorrectState"
    assert code_of(modify(ImageId=normal[0]["ImageId"], ImageName=normal[1]["ImageName"])) \
        == "InvalidImageName.Duplicate"
    assert code_of(modify(ImageId=normal[0]["ImageId"], ImageName="x" * 61)) == "InvalidParameterValue.TooLarge"
    assert code_of(modify(ImageId=normal[0]["ImageId"], ImageDescription="x" * 257)) \
        == "InvalidParameterValue.TooLarge"
    assert code_of(modify(ImageId=normal[0]["ImageId"], ImageFamily="web base")) \
        == "InvalidParameterValue.InvalidImageFamily"
    assert code_of(lambda: client.call_json("DescribeImageFromFamily", {})) == "MissingParameter"
    assert code_of(lambda: client.call_json("DescribeImageFromFamily", {"ImageFamily": ""})) \
        == "InvalidParameterValue.InvalidImageFamily"


def test_tag_filters(demo):
    client = demo.cvm()
    images = own_images(client)

    def tagged(key, value=None):
        return {i["ImageId"] for i in images if any(t["Key"] == key and value in (None, t["Value"]) for t in i["Tags"])}

    def found(*filters):
        ids, offset = set(), 0
        while True:
            reply = client.call_json("DescribeImages", {
                "Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}]
                + [{"Name": n, "Values": v} for n, v in filters], "Offset": offset, "Limit": 100,
            })["Response"]
            ids |= {i["ImageId"] for i in reply["ImageSet"]}
            offset += 100
            if offset >= reply["TotalCount"]:
                return ids

    assert found(("tag:env", ["prod"])) == tagged("env", "prod")
    assert found(("tag:env", ["prod"]), ("tag:tier", ["web"])) == tagged("env", "prod") & tagged("tier", "web")
    assert found(("tag-key", ["tier"])) == tagged("tier")
    assert found(("tag-value", ["db"])) == tagged("tier", "db")
    assert found(("tag:env", ["prod", "staging"])) == tagged("env", "prod") | tagged("env", "staging")
    six = [("tag:env", ["a", "b", "c", "d", "e", "f"])]
    assert code_of(lambda: found(*six)) == "InvalidFilterValue.LimitExceeded"
    eleven = [("tag-key", ["env"])] * 10
    assert code_of(lambda: found(*eleven)) == "InvalidParameterValue.LimitExceeded"
